# METADATA
# title: Secrets Manager secret is not encrypted with a customer managed key
# description: >-
#   Secrets encrypted with the AWS managed key `aws/secretsmanager` can be decrypted by any
#   principal of the account allowed to read the secret; its key policy cannot be changed,
#   so decryption cannot be restricted, audited separately or shared across accounts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
# custom:
#   id: IAC-AWS-SECRETSMANAGER-002
#   severity: low
#   remediation: >-
#     Terraform: set `kms_key_id` on the `aws_secretsmanager_secret` to a customer managed
#     key (`aws_kms_key.x.arn`). CloudFormation: set `KmsKeyId` on the
#     `AWS::SecretsManager::Secret`.
#   forms:
#     - 'Terraform `aws_secretsmanager_secret.kms_key_id`: absent, null, "" or the AWS managed alias `alias/aws/secretsmanager` (also as an alias ARN)'
#     - 'CloudFormation `AWS::SecretsManager::Secret` `KmsKeyId`: the same values'
#   not_flagged:
#     - An unknown key (a variable, a reference, an intrinsic), assumed customer managed.
#     - 'The secret is encrypted either way: this asks for a key whose policy you control.'
package iac_guard.aws.secretsmanager.kms_key

import data.iac_guard.lib
import rego.v1

managed_key(values, key) if not lib.has_key(values, key)

managed_key(values, key) if values[key] in {null, ""}

managed_key(values, key) if endswith(lib.lowercase(values[key]), "alias/aws/secretsmanager")

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_secretsmanager_secret")
	managed_key(r.values, "kms_key_id")
	result := lib.finding(r, sprintf("Secrets Manager secret %s is encrypted with the AWS managed key, not a customer managed key", [r.address]), "kms_key_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SecretsManager::Secret")
	managed_key(r.values, "KmsKeyId")
	result := lib.finding(r, sprintf("Secrets Manager secret %s is encrypted with the AWS managed key, not a customer managed key", [r.address]), "KmsKeyId")
}
