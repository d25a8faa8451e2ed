# METADATA
# title: S3 bucket has no server-side encryption configuration
# description: >-
#   Without an explicit server-side encryption configuration the bucket relies on
#   defaults; data classified by your organisation as sensitive needs SSE-KMS with a key
#   you control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html
# custom:
#   id: IAC-AWS-S3-002
#   severity: medium
#   remediation: Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket (or a `server_side_encryption_configuration` block), or `BucketEncryption` in CloudFormation, with `sse_algorithm = "aws:kms"`.
#   frameworks: [CIS-AWS-2.1.1]
package iac_guard.aws.s3.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	not lib.has_block(r.values, "server_side_encryption_configuration")
	not configured[lib.base_address(r.address)]
	not configured_names[r.values.bucket]
	result := lib.finding(r, sprintf("S3 bucket %s has no server-side encryption configuration", [r.address]), "server_side_encryption_configuration")
}

# Buckets configured by a separate aws_s3_bucket_server_side_encryption_configuration,
# by reference (aws_s3_bucket.x.id) or by literal bucket name.
configured contains lib.reference_target(c, c.values.bucket) if {
	some c in lib.resources("aws_s3_bucket_server_side_encryption_configuration")
}

configured_names contains c.values.bucket if {
	some c in lib.resources("aws_s3_bucket_server_side_encryption_configuration")
	is_string(c.values.bucket)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not lib.has_block(r.values, "BucketEncryption")
	result := lib.finding(r, sprintf("S3 bucket %s has no BucketEncryption", [r.address]), "BucketEncryption")
}
