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
package iac_guard.aws.kms.rotation

import data.iac_guard.lib
import rego.v1

symmetric(spec) if spec == "SYMMETRIC_DEFAULT"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_kms_key")
	symmetric(object.get(r.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT"))
	lib.false_or_missing(r.values, "enable_key_rotation")
	result := lib.finding(r, sprintf("KMS key %s does not rotate its key material", [r.address]), "enable_key_rotation")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::KMS::Key")
	symmetric(object.get(r.values, "KeySpec", "SYMMETRIC_DEFAULT"))
	lib.false_or_missing(r.values, "EnableKeyRotation")
	result := lib.finding(r, sprintf("KMS key %s does not rotate its key material", [r.address]), "EnableKeyRotation")
}
