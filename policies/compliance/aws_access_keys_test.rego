package iac_guard.compliance.aws_access_keys_test

import data.iac_guard.compliance.aws_access_keys
import data.iac_guard.testing
import rego.v1

test_access_key_in_user_data_is_denied if {
	aws_access_keys.deny == {{
		"msg": "aws_instance.web has an AWS access key id in user_data",
		"resource": "aws_instance.web",
		"file": "main.tf",
		"attribute": "user_data",
	}} with input as testing.tf([testing.tf_resource("aws_instance", "web", {"user_data": "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"})])
}

test_access_key_in_tags_is_denied if {
	testing.located(aws_access_keys.deny) == {["Bucket", "Tags.0.Value"]} with input as testing.cfn([testing.cfn_resource("AWS::S3::Bucket", "Bucket", {"Tags": [{"Key": "key", "Value": "ASIAIOSFODNN7EXAMPLE"}]})])
}

test_lookalikes_and_lambda_environment_pass if {
	count(aws_access_keys.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "a", {"bucket": "xAKIAIOSFODNN7EXAMPLEx"}),
		testing.tf_resource("aws_s3_bucket", "b", {"bucket": "akiaiosfodnn7example"}),
		testing.tf_resource("aws_lambda_function", "c", {"environment": [{"variables": {"KEY": "AKIAIOSFODNN7EXAMPLE"}}]}),
	])
}
