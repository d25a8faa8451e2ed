# METADATA
# title: S3 bucket versioning is not enabled
# description: Without versioning, an overwritten or deleted object cannot be recovered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: IAC-AWS-S3-003
#   severity: low
#   remediation: >-
#     Terraform: add an `aws_s3_bucket_versioning` whose `bucket` is this bucket, with
#     `versioning_configuration { status = "Enabled" }` (or `versioning { enabled = true }`
#     on AWS provider v3). CloudFormation: set `VersioningConfiguration.Status: Enabled`.
#   forms:
#     - >-
#       inline `versioning { enabled }` absent or false, no `aws_s3_bucket_versioning` with
#       a status other than Disabled/Suspended (by reference or name)
#     - >-
#       CloudFormation `VersioningConfiguration.Status` not Enabled
#   not_flagged:
#     - >-
#       an unknown status
package iac_guard.aws.s3.versioning

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	not inline_enabled(r)
	not lib.pointed_at(r, enabled_separately, "bucket")
	result := lib.finding(r, sprintf("S3 bucket %s does not enable versioning", [r.address]), "versioning")
}

inline_enabled(r) if lib.is_true(lib.block(r.values, "versioning").enabled)

inline_enabled(r) if lib.block_unknown(r.values, "versioning", "enabled")

# Buckets whose aws_s3_bucket_versioning (by reference or name) does not suspend versioning.
enabled_separately contains key if {
	some v in lib.resources("aws_s3_bucket_versioning")
	not lib.block(v.values, "versioning_configuration").status in {"Disabled", "Suspended"}
	some key in lib.pointer_keys(v, v.values.bucket)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not cfn_enabled(r)
	result := lib.finding(r, sprintf("S3 bucket %s does not enable versioning", [r.address]), "VersioningConfiguration")
}

cfn_enabled(r) if r.values.VersioningConfiguration.Status == "Enabled"

cfn_enabled(r) if lib.block_unknown(r.values, "VersioningConfiguration", "Status")
