# METADATA
# title: S3 bucket access logging is not enabled
# description: >-
#   Server access logs record who read or changed which object; without them a data
#   leak cannot be investigated. Buckets that receive access logs themselves are exempt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: IAC-AWS-S3-006
#   severity: low
#   remediation: >-
#     Terraform: add an `aws_s3_bucket_logging` whose `bucket` is this bucket and whose
#     `target_bucket` is a log bucket (or a `logging { target_bucket = ... }` block on AWS
#     provider v3). CloudFormation: set `LoggingConfiguration.DestinationBucketName`.
#   forms:
#     - >-
#       inline `logging` block or a separate `aws_s3_bucket_logging` (by reference or name);
#       CloudFormation `LoggingConfiguration`
#   not_flagged:
#     - >-
#       buckets that receive other buckets' access logs (named as a target, or with the
#       log-delivery-write ACL / `LogDeliveryWrite`): logging a log bucket into itself loops
package iac_guard.aws.s3.access_logging

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_s3_bucket_logging", "bucket")

# Buckets that receive other buckets' access logs.
targets contains key if {
	some l in lib.resources("aws_s3_bucket_logging")
	some key in lib.pointer_keys(l, l.values.target_bucket)
}

targets contains key if {
	some b in lib.resources("aws_s3_bucket")
	some l in lib.items(b.values.logging)
	some key in lib.pointer_keys(b, l.target_bucket)
}

targets contains key if {
	some a in lib.resources("aws_s3_bucket_acl")
	a.values.acl == "log-delivery-write"
	some key in lib.pointer_keys(a, a.values.bucket)
}

log_bucket(r) if r.values.acl == "log-delivery-write"

log_bucket(r) if lib.pointed_at(r, targets, "bucket")

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	not lib.has_block(r.values, "logging")
	not lib.pointed_at(r, logged, "bucket")
	not log_bucket(r)
	result := lib.finding(r, sprintf("S3 bucket %s does not log access", [r.address]), "logging")
}

cfn_targets contains key if {
	some b in lib.resources("AWS::S3::Bucket")
	some key in lib.pointer_keys(b, b.values.LoggingConfiguration.DestinationBucketName)
}

cfn_log_bucket(r) if r.values.AccessControl == "LogDeliveryWrite"

cfn_log_bucket(r) if lib.pointed_at(r, cfn_targets, "BucketName")

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not lib.has_block(r.values, "LoggingConfiguration")
	not cfn_log_bucket(r)
	result := lib.finding(r, sprintf("S3 bucket %s does not log access", [r.address]), "LoggingConfiguration")
}
