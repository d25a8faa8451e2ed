# METADATA
# title: S3 bucket grants public access through its ACL
# description: >-
#   A canned ACL of public-read, public-read-write or authenticated-read lets anyone
#   (or any AWS account) list or change the bucket's objects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
# custom:
#   id: IAC-AWS-S3-001
#   severity: critical
#   remediation: Set `acl = "private"` (Terraform) or remove `AccessControl` / set it to `Private` (CloudFormation), and grant access through bucket policies instead.
#   frameworks: [CIS-AWS-2.1.5]
package iac_guard.aws.s3.public_acl

import data.iac_guard.lib
import rego.v1

public_acls := {"public-read", "public-read-write", "authenticated-read"}

cfn_public_acls := {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket")
	public_acls[r.values.acl]
	result := lib.finding(r, sprintf("S3 bucket %s has the public ACL %q", [r.address, r.values.acl]), "acl")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_s3_bucket_acl")
	public_acls[r.values.acl]
	result := lib.finding(r, sprintf("%s sets the public ACL %q", [r.address, r.values.acl]), "acl")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::Bucket")
	cfn_public_acls[r.values.AccessControl]
	result := lib.finding(r, sprintf("S3 bucket %s has the public ACL %s", [r.address, r.values.AccessControl]), "AccessControl")
}
