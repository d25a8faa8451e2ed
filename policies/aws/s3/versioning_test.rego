package iac_guard.aws.s3.versioning_test

import data.iac_guard.aws.s3.versioning
import data.iac_guard.testing
import rego.v1

test_bucket_without_versioning_is_denied if {
	versioning.deny == {{
		"msg": "S3 bucket aws_s3_bucket.b does not enable versioning",
		"resource": "aws_s3_bucket.b",
		"file": "main.tf",
		"attribute": "versioning",
	}} with input as testing.tf([testing.tf_resource("aws_s3_bucket", "b", {"versioning": [{"enabled": false}]})])
}

test_enabled_inline_or_separately_passes if {
	count(versioning.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "inline", {"versioning": [{"enabled": true}]}),
		testing.tf_resource("aws_s3_bucket", "unknown", {"versioning": [{"enabled": testing.unknown("var.on")}]}),
		testing.tf_resource("aws_s3_bucket", "separate", {}),
		testing.tf_resource("aws_s3_bucket_versioning", "separate", {
			"bucket": testing.unknown("aws_s3_bucket.separate.id"),
			"versioning_configuration": [{"status": "Enabled"}],
		}),
	])
}

test_suspended_separately_is_denied if {
	testing.addresses(versioning.deny) == {"aws_s3_bucket.b"} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {"bucket": "b"}),
		testing.tf_resource("aws_s3_bucket_versioning", "b", {"bucket": "b", "versioning_configuration": [{"status": "Suspended"}]}),
	])
}

test_cloudformation_versioning if {
	testing.located(versioning.deny) == {["Plain", "VersioningConfiguration"], ["Suspended", "VersioningConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Plain", {}),
		testing.cfn_resource("AWS::S3::Bucket", "Suspended", {"VersioningConfiguration": {"Status": "Suspended"}}),
		testing.cfn_resource("AWS::S3::Bucket", "Enabled", {"VersioningConfiguration": {"Status": "Enabled"}}),
		testing.cfn_resource("AWS::S3::Bucket", "Conditional", {"VersioningConfiguration": {"Fn::If": ["Prod", {"Status": "Enabled"}, {"Ref": "AWS::NoValue"}]}}),
	])
}

test_every_versioning_form if {
	testing.addresses(versioning.deny) == {"aws_s3_bucket.suspended", "aws_s3_bucket.inline_off", "aws_s3_bucket.none"} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "suspended", {"bucket": "suspended"}),
		testing.tf_resource("aws_s3_bucket_versioning", "suspended", {"bucket": "suspended", "versioning_configuration": [{"status": "Suspended"}]}),
		testing.tf_resource("aws_s3_bucket", "inline_off", {"versioning": [{"enabled": "false"}]}),
		testing.tf_resource("aws_s3_bucket", "none", {}),
		testing.tf_resource("aws_s3_bucket", "inline_on", {"versioning": [{"enabled": "true"}]}),
		testing.tf_resource("aws_s3_bucket", "separate", {}),
		testing.tf_resource("aws_s3_bucket_versioning", "separate", {"bucket": testing.unknown("aws_s3_bucket.separate.id"), "versioning_configuration": [{"status": "Enabled"}]}),
	])
}

test_cloudformation_suspended if {
	testing.addresses(versioning.deny) == {"Suspended", "Missing"} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Suspended", {"VersioningConfiguration": {"Status": "Suspended"}}),
		testing.cfn_resource("AWS::S3::Bucket", "Missing", {}),
		testing.cfn_resource("AWS::S3::Bucket", "Enabled", {"VersioningConfiguration": {"Status": "Enabled"}}),
		testing.cfn_resource("AWS::S3::Bucket", "Conditional", {"VersioningConfiguration": {"Status": {"Fn::If": ["Prod", "Enabled", "Suspended"]}}}),
	])
}
