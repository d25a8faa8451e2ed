# METADATA
# title: EKS cluster does not encrypt Kubernetes secrets with KMS
# description: >-
#   Without envelope encryption, Kubernetes Secrets are stored in etcd protected only by
#   the volume encryption; a KMS key adds a key policy and audit trail for every decrypt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
# custom:
#   id: IAC-AWS-EKS-002
#   severity: medium
#   remediation: >-
#     Add `encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }`
#     (CloudFormation `EncryptionConfig` with `Resources: [secrets]` and `Provider.KeyArn`).
#   forms:
#     - >-
#       `encryption_config` absent or without "secrets" in `resources`, or whose
#       `provider.key_arn` is "" or null; CloudFormation `EncryptionConfig[].Resources` and
#       `Provider.KeyArn` ("", null or `!Ref AWS::NoValue`)
#   not_flagged:
#     - >-
#       an unknown `encryption_config` or `resources` list
package iac_guard.aws.eks.secrets_encryption

import data.iac_guard.lib
import rego.v1

encrypts_secrets(configs) if {
	some config in lib.items(configs)
	"secrets" in lib.items(config.resources)
	not empty_key(lib.block(config, "provider"), "key_arn")
}

encrypts_secrets(configs) if {
	some config in lib.items(configs)
	"secrets" in lib.items(config.Resources)
	not empty_key(config.Provider, "KeyArn")
}

# A provider block whose key ARN is "" or null names no key.
empty_key(provider, key) if {
	is_object(provider)
	not lib.is_unknown(provider)
	not lib.is_set(provider, key)
}

encrypts_secrets(configs) if lib.is_unknown(configs)

encrypts_secrets(configs) if {
	some config in lib.items(configs)
	is_object(config)
	lib.is_unknown(object.get(config, "resources", object.get(config, "Resources", null)))
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_eks_cluster")
	not encrypts_secrets(object.get(r.values, "encryption_config", []))
	result := lib.finding(r, sprintf("EKS cluster %s does not encrypt Kubernetes secrets with a KMS key", [r.address]), "encryption_config")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EKS::Cluster")
	not encrypts_secrets(object.get(r.values, "EncryptionConfig", []))
	result := lib.finding(r, sprintf("EKS cluster %s does not encrypt Kubernetes secrets with a KMS key", [r.address]), "EncryptionConfig")
}
