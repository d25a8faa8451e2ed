package iac_guard.aws.s3.public_acl_test

import data.iac_guard.aws.s3.public_acl
import data.iac_guard.testing
import rego.v1

test_public_read_acl_is_denied if {
	public_acl.deny == {{
		"msg": "S3 bucket aws_s3_bucket.b has the public ACL \"public-read\"",
		"resource": "aws_s3_bucket.b",
		"file": "main.tf",
		"attribute": "acl",
	}} with input as testing.tf([testing.tf_resource("aws_s3_bucket", "b", {"acl": "public-read"})])
}

test_private_and_unknown_acls_pass if {
	count(public_acl.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {"acl": "private"}),
		testing.tf_resource("aws_s3_bucket", "c", {"acl": testing.unknown("var.acl")}),
		testing.tf_resource("aws_s3_bucket_acl", "c", {"acl": "log-delivery-write"}),
	])
}

test_grant_to_all_users_is_denied if {
	testing.located(public_acl.deny) == {["aws_s3_bucket.b", "grant.1"], ["aws_s3_bucket_acl.a", "access_control_policy"]} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {"grant": [
			{"type": "CanonicalUser", "id": "abc", "permissions": ["FULL_CONTROL"]},
			{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permissions": ["READ"]},
		]}),
		testing.tf_resource("aws_s3_bucket_acl", "a", {"access_control_policy": [{"grant": [{
			"permission": "READ",
			"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}],
		}]}]}),
	])
}

test_bucket_acl_resource_is_denied if {
	testing.addresses(public_acl.deny) == {"aws_s3_bucket_acl.a"} with input as testing.tf([testing.tf_resource("aws_s3_bucket_acl", "a", {"acl": "public-read-write"})])
}

test_cloudformation_public_access_control_is_denied if {
	testing.located(public_acl.deny) == {["Bucket", "AccessControl"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Bucket", {"AccessControl": "PublicRead"}),
		testing.cfn_resource("AWS::S3::Bucket", "Logs", {"AccessControl": "LogDeliveryWrite"}),
	])
}

test_every_acl_form if {
	testing.located(public_acl.deny) == {
		["aws_s3_bucket.legacy_acl", "acl"],
		["aws_s3_bucket.legacy_grant", "grant.0"],
		["aws_s3_bucket_acl.canned", "acl"],
		["aws_s3_bucket_acl.policy", "access_control_policy"],
	} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "legacy_acl", {"acl": "public-read-write"}),
		testing.tf_resource("aws_s3_bucket", "legacy_grant", {"grant": [{"type": "Group", "permissions": ["READ"], "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}),
		testing.tf_resource("aws_s3_bucket_acl", "canned", {"bucket": "b", "acl": "authenticated-read"}),
		testing.tf_resource("aws_s3_bucket_acl", "policy", {"bucket": "b", "access_control_policy": [{"grant": [{"permission": "READ", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}]}], "owner": [{"id": "x"}]}]}),
		testing.tf_resource("aws_s3_bucket_acl", "private", {"bucket": "b", "acl": "private"}),
		testing.tf_resource("aws_s3_bucket_acl", "logs", {"bucket": "b", "acl": "log-delivery-write"}),
		testing.tf_resource("aws_s3_bucket", "owner_grant", {"grant": [{"type": "CanonicalUser", "permissions": ["FULL_CONTROL"], "id": "abc"}]}),
	])
}
