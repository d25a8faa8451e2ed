package iac_guard.aws.s3.access_logging_test

import data.iac_guard.aws.s3.access_logging
import data.iac_guard.testing
import rego.v1

test_bucket_without_logging_is_denied if {
	access_logging.deny == {{
		"msg": "S3 bucket aws_s3_bucket.data does not log access",
		"resource": "aws_s3_bucket.data",
		"file": "main.tf",
		"attribute": "logging",
	}} with input as testing.tf([testing.tf_resource("aws_s3_bucket", "data", {"bucket": "data"})])
}

test_logged_buckets_and_log_targets_pass if {
	count(access_logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "data", {"bucket": "data"}),
		testing.tf_resource("aws_s3_bucket", "logs", {"bucket": "logs"}),
		testing.tf_resource("aws_s3_bucket_logging", "data", {"bucket": testing.unknown("aws_s3_bucket.data.id"), "target_bucket": testing.unknown("aws_s3_bucket.logs.id")}),
		testing.tf_resource("aws_s3_bucket", "v3", {"logging": [{"target_bucket": "legacy-logs"}]}),
		testing.tf_resource("aws_s3_bucket", "legacy", {"bucket": "legacy-logs"}),
		testing.tf_resource("aws_s3_bucket", "acl", {"acl": "log-delivery-write"}),
	])
}

test_cloudformation_logging if {
	testing.located(access_logging.deny) == {["Plain", "LoggingConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Plain", {}),
		testing.cfn_resource("AWS::S3::Bucket", "Data", {"LoggingConfiguration": {"DestinationBucketName": {"Ref": "Logs"}}}),
		testing.cfn_resource("AWS::S3::Bucket", "Logs", {}),
	])
}
