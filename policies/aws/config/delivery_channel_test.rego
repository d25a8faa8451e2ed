package iac_guard.aws.config.delivery_channel_test

import data.iac_guard.aws.config.delivery_channel
import data.iac_guard.testing
import rego.v1

test_recorder_without_channel_is_denied if {
	delivery_channel.deny == {{
		"msg": "AWS Config recorder aws_config_configuration_recorder.a has no delivery channel in its root module",
		"resource": "aws_config_configuration_recorder.a",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([testing.tf_resource("aws_config_configuration_recorder", "a", {})])
}

test_recorder_with_channel_passes if {
	count(delivery_channel.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_config_configuration_recorder", "a", {}),
		testing.tf_resource("aws_config_delivery_channel", "a", {"s3_bucket_name": "config-logs"}),
	])
}

test_channel_in_another_root_module_does_not_count if {
	testing.addresses(delivery_channel.deny) == {"aws_config_configuration_recorder.a"} with input as testing.tf([
		object.union(testing.tf_resource("aws_config_configuration_recorder", "a", {}), {"root": "envs/prod"}),
		object.union(testing.tf_resource("aws_config_delivery_channel", "a", {}), {"root": "envs/shared"}),
	])
}

test_cloudformation_recorder_without_channel_is_denied if {
	testing.located(delivery_channel.deny) == {["R", ""]} with input as testing.cfn([testing.cfn_resource("AWS::Config::ConfigurationRecorder", "R", {})])
}

test_cloudformation_recorder_with_channel_passes if {
	count(delivery_channel.deny) == 0 with input as testing.cfn([
		testing.cfn_resource("AWS::Config::ConfigurationRecorder", "R", {}),
		testing.cfn_resource("AWS::Config::DeliveryChannel", "C", {"S3BucketName": "b"}),
	])
}
