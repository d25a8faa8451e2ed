package iac_guard.aws.s3.public_access_block_test

import data.iac_guard.aws.s3.public_access_block as pab
import data.iac_guard.testing
import rego.v1

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_bucket_without_block_is_denied if {
	pab.deny == {{
		"msg": "S3 bucket aws_s3_bucket.b has no aws_s3_bucket_public_access_block",
		"resource": "aws_s3_bucket.b",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([testing.tf_resource("aws_s3_bucket", "b", {"bucket": "b"})])
}

test_complete_block_by_reference_passes if {
	count(pab.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {}),
		testing.tf_resource("aws_s3_bucket_public_access_block", "b", object.union(all_on, {"bucket": testing.unknown("aws_s3_bucket.b.id")})),
	])
}

test_account_level_block_covers_every_bucket if {
	count(pab.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {}),
		testing.tf_resource("aws_s3_account_public_access_block", "account", all_on),
	])
}

test_incomplete_block_is_denied_naming_the_settings if {
	pab.deny == {{
		"msg": "aws_s3_bucket_public_access_block.b does not set block_public_policy, restrict_public_buckets to true",
		"resource": "aws_s3_bucket_public_access_block.b",
		"file": "main.tf",
		"attribute": "block_public_policy",
	}} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {"bucket": "b"}),
		testing.tf_resource("aws_s3_bucket_public_access_block", "b", {"bucket": "b", "block_public_acls": true, "block_public_policy": false, "ignore_public_acls": testing.unknown("var.x")}),
	])
}

test_cloudformation_public_access_block if {
	testing.located(pab.deny) == {["Missing", "PublicAccessBlockConfiguration"], ["Partial", "PublicAccessBlockConfiguration.RestrictPublicBuckets"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Missing", {}),
		testing.cfn_resource("AWS::S3::Bucket", "Partial", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": "true", "IgnorePublicAcls": true}}),
		testing.cfn_resource("AWS::S3::Bucket", "Full", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true}}),
	])
}

# Two Terraform root modules (environments) each with their own aws_s3_bucket.b: the
# block in env "dev" covers dev's bucket only, and dev's account-level block says nothing
# of the account prod deploys to.
in_root(r, root) := object.union(r, {"root": root, "file": concat("/", [root, "main.tf"])})

test_blocks_cover_their_own_root_module_only if {
	testing.addresses(pab.deny) == {"aws_s3_bucket.b"} with input as testing.tf([
		in_root(testing.tf_resource("aws_s3_bucket", "b", {}), "dev"),
		in_root(testing.tf_resource("aws_s3_bucket_public_access_block", "b", object.union(all_on, {"bucket": testing.unknown("aws_s3_bucket.b.id")})), "dev"),
		in_root(testing.tf_resource("aws_s3_bucket", "b", {}), "prod"),
	])
	{f.root | some f in pab.deny} == {"prod"} with input as testing.tf([
		in_root(testing.tf_resource("aws_s3_bucket", "b", {}), "dev"),
		in_root(testing.tf_resource("aws_s3_account_public_access_block", "account", all_on), "dev"),
		in_root(testing.tf_resource("aws_s3_bucket", "b", {}), "prod"),
	])
}
