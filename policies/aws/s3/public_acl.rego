# METADATA
# title: S3 bucket grants public access through its ACL
# description: >-
#   A canned ACL of public-read, public-read-write or authenticated-read, or an ACL grant
#   to the AllUsers or AuthenticatedUsers group, lets anyone (or any AWS account) list or
#   change the bucket's objects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
# custom:
#   id: IAC-AWS-S3-001
#   severity: critical
#   remediation: >-
#     Terraform: set `acl = "private"` (on `aws_s3_bucket_acl` or the bucket) and remove
#     `grant` entries whose `uri` is the AllUsers or AuthenticatedUsers group.
#     CloudFormation: remove `AccessControl` or set it to `Private`. Grant access through
#     bucket policies scoped to principals instead.
#   frameworks: [CIS-AWS-2.1.4]
#   forms:
#     - >-
#       `acl` public-read, public-read-write or authenticated-read on `aws_s3_bucket` and
#       `aws_s3_bucket_acl`
#     - >-
#       `grant` blocks and `access_control_policy` grants to the AllUsers /
#       AuthenticatedUsers groups
#     - >-
#       CloudFormation `AccessControl: PublicRead / PublicReadWrite / AuthenticatedRead`
#   not_flagged:
#     - >-
#       `log-delivery-write`: the log delivery group only
#     - >-
#       ACLs neutralised by a public access block are still reported: the ACL is the bad
#       setting
package iac_guard.aws.s3.public_acl

import data.iac_guard.lib
import rego.v1

public_acls := {"public-read", "public-read-write", "authenticated-read"}

cfn_public_acls := {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	public_acls[r.values.acl]
	result := lib.finding(r, sprintf("S3 bucket %s has the public ACL %q", [r.address, r.values.acl]), "acl")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	some i, grant in r.values.grant
	public_groups[grant.uri]
	result := lib.finding(r, sprintf("S3 bucket %s grants %v to %s", [r.address, grant.permissions, grant.uri]), sprintf("grant.%d", [i]))
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket_acl")
	public_acls[r.values.acl]
	result := lib.finding(r, sprintf("%s sets the public ACL %q", [r.address, r.values.acl]), "acl")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket_acl")
	some grant in lib.block(r.values, "access_control_policy").grant
	uri := lib.block(grant, "grantee").uri
	public_groups[uri]
	result := lib.finding(r, sprintf("%s grants %v to %s", [r.address, grant.permission, uri]), "access_control_policy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	cfn_public_acls[r.values.AccessControl]
	result := lib.finding(r, sprintf("S3 bucket %s has the public ACL %s", [r.address, r.values.AccessControl]), "AccessControl")
}
