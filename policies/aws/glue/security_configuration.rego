# METADATA
# title: Glue security configuration leaves data unencrypted
# description: >-
#   A Glue security configuration decides how jobs, crawlers and development endpoints
#   encrypt what they write: S3 output, CloudWatch logs and job bookmarks. Each part set
#   to DISABLED (or missing) is written in clear text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
# custom:
#   id: IAC-AWS-GLUE-001
#   severity: medium
#   remediation: >-
#     In the `aws_glue_security_configuration`'s `encryption_configuration`, set
#     `s3_encryption { s3_encryption_mode = "SSE-KMS" }`,
#     `cloudwatch_encryption { cloudwatch_encryption_mode = "SSE-KMS" }` and
#     `job_bookmarks_encryption { job_bookmarks_encryption_mode = "CSE-KMS" }` with a
#     `kms_key_arn` (CloudFormation `EncryptionConfiguration.S3Encryptions[]`,
#     `CloudWatchEncryption`, `JobBookmarksEncryption` of `AWS::Glue::SecurityConfiguration`).
#   forms:
#     - 'Terraform `encryption_configuration` with `s3_encryption`, `cloudwatch_encryption`, `job_bookmarks_encryption` blocks; CloudFormation `S3Encryptions` as a list or a single object'
#     - 'A mode DISABLED (any case), or the part or its mode absent'
#   not_flagged:
#     - 'Parts that cannot be resolved'
package iac_guard.aws.glue.security_configuration

import data.iac_guard.lib
import rego.v1

tf_parts := [
	["S3", "s3_encryption", "s3_encryption_mode"],
	["CloudWatch", "cloudwatch_encryption", "cloudwatch_encryption_mode"],
	["job bookmark", "job_bookmarks_encryption", "job_bookmarks_encryption_mode"],
]

cfn_parts := [
	["S3", "S3Encryptions", "S3EncryptionMode"],
	["CloudWatch", "CloudWatchEncryption", "CloudWatchEncryptionMode"],
	["job bookmark", "JobBookmarksEncryption", "JobBookmarksEncryptionMode"],
]

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_glue_security_configuration")
	config := lib.block(r.values, "encryption_configuration")
	not lib.is_unknown(config)
	some [what, part, mode] in tf_parts
	some at in off(config, part, mode, "encryption_configuration.0", ".0.")
	result := lib.finding(r, sprintf("Glue security configuration %s does not encrypt %s data", [r.address, what]), at)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Glue::SecurityConfiguration")
	config := r.values.EncryptionConfiguration
	is_object(config)
	not lib.is_unknown(config)
	some [what, part, mode] in cfn_parts
	some at in off(config, part, mode, "EncryptionConfiguration", ".")
	result := lib.finding(r, sprintf("Glue security configuration %s does not encrypt %s data", [r.address, what]), at)
}

# Where a part is off: its mode DISABLED or absent, or the part itself absent.
off(config, part, mode, prefix, _) := {sprintf("%s.%s", [prefix, part])} if {
	not lib.has_key(config, part)
} else := {sprintf("%s.%s", [prefix, part])} if {
	config[part] == null
} else := {sprintf("%s.%s%s%s", [prefix, part, sep, mode]) |
	some entry in lib.as_array(config[part])
	is_object(entry)
	not lib.is_unknown(entry)
	disabled(entry, mode)
} if {
	sep := separator(config[part], prefix)
}

separator(value, _) := ".0." if is_array(value)

separator(value, _) := "." if is_object(value)

disabled(entry, mode) if not lib.has_key(entry, mode)

disabled(entry, mode) if entry[mode] == null

disabled(entry, mode) if lib.lowercase(entry[mode]) == "disabled"
