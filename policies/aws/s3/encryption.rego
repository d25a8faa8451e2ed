# METADATA
# title: S3 bucket has no server-side encryption configuration
# description: >-
#   Without an explicit server-side encryption configuration the bucket relies on S3's
#   default (SSE-S3 with an AWS-owned key, applied to every new bucket since January
#   2023): the data is encrypted, but not with a key you control, audit and can revoke.
#   Low severity for that reason; data stores classified as sensitive are held to
#   SSE-KMS by IAC-GEN-PII-001.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html
# custom:
#   id: IAC-AWS-S3-002
#   severity: low
#   remediation: >-
#     Terraform: add an `aws_s3_bucket_server_side_encryption_configuration` whose `bucket`
#     is this bucket, with `apply_server_side_encryption_by_default { sse_algorithm =
#     "aws:kms" }` (or the bucket's `server_side_encryption_configuration` block on AWS
#     provider v3). CloudFormation: set `BucketEncryption.ServerSideEncryptionConfiguration`
#     with `SSEAlgorithm: aws:kms`.
#   forms:
#     - >-
#       an `aws_s3_bucket` without inline `server_side_encryption_configuration` and without
#       a separate `aws_s3_bucket_server_side_encryption_configuration` (by reference or
#       bucket name)
#     - >-
#       CloudFormation `BucketEncryption` absent
#   not_flagged:
#     - >-
#       the algorithm chosen (SSE-S3 or SSE-KMS): any explicit configuration passes
#     - >-
#       stricter than the service on purpose: S3 encrypts every new bucket with SSE-S3 since
#       January 2023; the rule asks for an explicit configuration (severity low)
#     - >-
#       SSE-S3 (AES256) instead of a customer managed KMS key: any explicit configuration
#       passes; choosing KMS is a separate concern
package iac_guard.aws.s3.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	not lib.has_block(r.values, "server_side_encryption_configuration")
	not lib.pointed_at(r, configured, "bucket")
	result := lib.finding(r, sprintf("S3 bucket %s has no server-side encryption configuration", [r.address]), "server_side_encryption_configuration")
}

# Buckets configured by a separate aws_s3_bucket_server_side_encryption_configuration,
# by reference (aws_s3_bucket.x.id) or by literal bucket name.
configured := lib.pointers("aws_s3_bucket_server_side_encryption_configuration", "bucket")

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not lib.has_block(r.values, "BucketEncryption")
	result := lib.finding(r, sprintf("S3 bucket %s has no BucketEncryption", [r.address]), "BucketEncryption")
}
