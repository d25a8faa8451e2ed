package iac_guard.aws.s3.encryption_test

import data.iac_guard.aws.s3.encryption
import data.iac_guard.testing
import rego.v1

sse := [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}]

test_bucket_without_encryption_is_denied if {
	encryption.deny == {{
		"msg": "S3 bucket aws_s3_bucket.plain has no server-side encryption configuration",
		"resource": "aws_s3_bucket.plain",
		"file": "main.tf",
		"attribute": "server_side_encryption_configuration",
	}} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "plain", {"bucket": "plain"}),
		testing.tf_resource("aws_s3_bucket", "inline", {"server_side_encryption_configuration": sse}),
	])
}

test_separate_configuration_by_reference_or_name_passes if {
	count(encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "a", {"bucket": testing.unknown("var.name")}),
		testing.tf_resource("aws_s3_bucket", "b", {"bucket": "logs-b"}),
		testing.tf_resource("aws_s3_bucket_server_side_encryption_configuration", "a", {"bucket": testing.unknown("aws_s3_bucket.a.id"), "rule": sse[0].rule}),
		testing.tf_resource("aws_s3_bucket_server_side_encryption_configuration", "b", {"bucket": "logs-b", "rule": sse[0].rule}),
	])
}

test_unknown_inline_configuration_passes if {
	count(encryption.deny) == 0 with input as testing.tf([testing.tf_resource("aws_s3_bucket", "a", {"server_side_encryption_configuration": testing.unknown("var.sse")})])
}

test_cloudformation_bucket_without_encryption_is_denied if {
	testing.located(encryption.deny) == {["Plain", "BucketEncryption"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Plain", {}),
		testing.cfn_resource("AWS::S3::Bucket", "Encrypted", {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}),
	])
}
