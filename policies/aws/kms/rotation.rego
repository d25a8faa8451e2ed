# METADATA
# title: KMS key rotation is disabled
# description: Without rotation, a symmetric key's material never changes, widening the impact of a leak.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: IAC-AWS-KMS-001
#   severity: medium
#   remediation: 'Set `enable_key_rotation = true` (CloudFormation `EnableKeyRotation: true`) on symmetric keys.'
#   frameworks: [CIS-AWS-3.6]
#   forms:
#     - >-
#       `aws_kms_key` with `customer_master_key_spec` absent, null, "" or
#       `SYMMETRIC_DEFAULT` (any case) and `enable_key_rotation` absent, null or false
#     - >-
#       CloudFormation `AWS::KMS::Key` `KeySpec` / `EnableKeyRotation`
#   not_flagged:
#     - >-
#       asymmetric (RSA_*, ECC_*, SM2) and HMAC (HMAC_*) keys: AWS KMS cannot rotate them
#       automatically
#     - >-
#       keys in a custom key store (`custom_key_store_id`) and keys with imported material
#       (`aws_kms_external_key`, CloudFormation `Origin: EXTERNAL`): automatic rotation is
#       not available for them
#     - >-
#       an unknown key spec
package iac_guard.aws.kms.rotation

import data.iac_guard.lib
import rego.v1

# Automatic rotation exists only for symmetric encryption keys: asymmetric (RSA_*,
# ECC_*, SM2) and HMAC (HMAC_*) keys cannot rotate, nor keys in a custom key store
# (CloudHSM or external) nor keys with imported material (aws_kms_external_key, a type
# this policy does not read). An unknown spec is not judged.
symmetric(spec) if {
	is_string(spec)
	upper(spec) == "SYMMETRIC_DEFAULT"
}

symmetric(spec) if spec == null

symmetric(spec) if spec == ""

key_spec(values, key) := object.get(values, key, "SYMMETRIC_DEFAULT") if is_string(object.get(values, key, ""))

key_spec(values, key) := null if values[key] == null

custom_key_store(values) if lib.is_set(values, "custom_key_store_id")

external_origin(values) if lib.lowercase(values.Origin) in {"external", "aws_cloudhsm", "external_key_store"}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_kms_key")
	symmetric(key_spec(r.values, "customer_master_key_spec"))
	not custom_key_store(r.values)
	lib.false_or_missing(r.values, "enable_key_rotation")
	result := lib.finding(r, sprintf("KMS key %s does not rotate its key material", [r.address]), "enable_key_rotation")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::KMS::Key")
	symmetric(key_spec(r.values, "KeySpec"))
	not external_origin(r.values)
	lib.false_or_missing(r.values, "EnableKeyRotation")
	result := lib.finding(r, sprintf("KMS key %s does not rotate its key material", [r.address]), "EnableKeyRotation")
}
