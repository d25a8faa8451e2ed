# METADATA
# title: S3 bucket does not block public access
# description: >-
#   S3 Block Public Access is the guard rail that keeps a later ACL or bucket policy
#   change from making the bucket public. Every bucket needs all four settings on, unless
#   the account-level block already has them on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: IAC-AWS-S3-005
#   severity: high
#   remediation: >-
#     Terraform: add an `aws_s3_bucket_public_access_block` whose `bucket` is this bucket
#     with `block_public_acls`, `block_public_policy`, `ignore_public_acls` and
#     `restrict_public_buckets` all `true` (or an `aws_s3_account_public_access_block`).
#     CloudFormation: set `PublicAccessBlockConfiguration` with `BlockPublicAcls`,
#     `BlockPublicPolicy`, `IgnorePublicAcls` and `RestrictPublicBuckets` all `true`.
#   frameworks: [CIS-AWS-2.1.4]
#   forms:
#     - >-
#       a bucket with no `aws_s3_bucket_public_access_block` (by reference or name) and no
#       complete `aws_s3_account_public_access_block` in its root module
#     - >-
#       a public access block, account or bucket, with any of its four flags absent or
#       false; CloudFormation `PublicAccessBlockConfiguration` absent or partial
#   not_flagged:
#     - >-
#       one finding per block naming every missing flag, rather than one rule per flag
package iac_guard.aws.s3.public_access_block

import data.iac_guard.lib
import rego.v1

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

cfn_settings := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

# The settings left off (absent or false) in `values`; unknown values count as on.
off(values, names) := [name | some name in names; lib.false_or_missing(values, name)]

# The scopes (Terraform root modules) that block public access for the whole account.
# Which account another root module deploys to is unknown, so each counts for its own.
account_blocked contains lib.scope(a) if {
	some a in lib.resources("aws_s3_account_public_access_block")
	count(off(a.values, settings)) == 0
}

blocked := lib.pointers("aws_s3_bucket_public_access_block", "bucket")

deny contains result if {
	lib.is_terraform
	not account_blocked[lib.scope(r)]
	some r in lib.managed("aws_s3_bucket")
	not lib.pointed_at(r, blocked, "bucket")
	result := lib.finding(r, sprintf("S3 bucket %s has no aws_s3_bucket_public_access_block", [r.address]), "")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket_public_access_block")
	missing := off(r.values, settings)
	count(missing) > 0
	result := lib.finding(r, sprintf("%s does not set %s to true", [r.address, concat(", ", missing)]), missing[0])
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	not lib.has_block(r.values, "PublicAccessBlockConfiguration")
	result := lib.finding(r, sprintf("S3 bucket %s has no PublicAccessBlockConfiguration", [r.address]), "PublicAccessBlockConfiguration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	config := r.values.PublicAccessBlockConfiguration
	not lib.is_unknown(config)
	missing := off(config, cfn_settings)
	count(missing) > 0
	result := lib.finding(r, sprintf("S3 bucket %s does not set %s to true", [r.address, concat(", ", missing)]), sprintf("PublicAccessBlockConfiguration.%s", [missing[0]]))
}
