# METADATA
# title: S3 bucket versioning is not enabled
# description: Without versioning, an overwritten or deleted object cannot be recovered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: IAC-AWS-S3-003
#   severity: low
#   remediation: Add an `aws_s3_bucket_versioning` with `versioning_configuration { status = "Enabled" }` (or `VersioningConfiguration.Status = Enabled` in CloudFormation).
package iac_guard.aws.s3.versioning

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	not inline_enabled(r)
	not enabled_separately[lib.base_address(r.address)]
	result := lib.finding(r, sprintf("S3 bucket %s does not enable versioning", [r.address]), "versioning")
}

inline_enabled(r) if lib.block(r.values, "versioning").enabled != false

inline_enabled(r) if lib.is_unknown(r.values.versioning)

# Buckets whose aws_s3_bucket_versioning (by reference) does not disable versioning.
enabled_separately contains lib.reference_target(v, v.values.bucket) if {
	some v in lib.resources("aws_s3_bucket_versioning")
	status := lib.block(v.values, "versioning_configuration").status
	not status in {"Disabled", "Suspended"}
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not cfn_enabled(r)
	result := lib.finding(r, sprintf("S3 bucket %s does not enable versioning", [r.address]), "VersioningConfiguration")
}

cfn_enabled(r) if r.values.VersioningConfiguration.Status != "Suspended"

cfn_enabled(r) if lib.is_unknown(r.values.VersioningConfiguration)
