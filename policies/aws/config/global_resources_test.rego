package iac_guard.aws.config.global_resources_test

import data.iac_guard.aws.config.global_resources
import data.iac_guard.testing
import rego.v1

test_recorder_without_global_types_is_denied if {
	global_resources.deny == {{
		"msg": "AWS Config recorder aws_config_configuration_recorder.a does not record global resources (IAM), and no other recorder here does",
		"resource": "aws_config_configuration_recorder.a",
		"file": "main.tf",
		"attribute": "recording_group",
	}} with input as testing.tf([testing.tf_resource("aws_config_configuration_recorder", "a", {})])
}

test_explicit_false_is_denied_at_the_attribute if {
	testing.located(global_resources.deny) == {["aws_config_configuration_recorder.a", "recording_group.0.include_global_resource_types"]} with input as testing.tf([testing.tf_resource("aws_config_configuration_recorder", "a", {"recording_group": [{"include_global_resource_types": false}]})])
}

test_one_recorder_with_global_types_covers_the_root_module if {
	count(global_resources.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_config_configuration_recorder", "primary", {"recording_group": [{"include_global_resource_types": true}]}),
		testing.tf_resource("aws_config_configuration_recorder", "secondary", {"recording_group": [{"include_global_resource_types": false}]}),
	])
}

test_unknown_setting_covers if {
	count(global_resources.deny) == 0 with input as testing.tf([testing.tf_resource("aws_config_configuration_recorder", "a", {"recording_group": [{"include_global_resource_types": testing.unknown("var.global")}]})])
}

test_cloudformation_recorder_without_global_types_is_denied if {
	testing.located(global_resources.deny) == {["A", "RecordingGroup.IncludeGlobalResourceTypes"]} with input as testing.cfn([testing.cfn_resource("AWS::Config::ConfigurationRecorder", "A", {"RecordingGroup": {"AllSupported": true, "IncludeGlobalResourceTypes": "false"}})])
}

test_cloudformation_recorder_with_global_types_passes if {
	count(global_resources.deny) == 0 with input as testing.cfn([testing.cfn_resource("AWS::Config::ConfigurationRecorder", "A", {"RecordingGroup": {"AllSupported": true, "IncludeGlobalResourceTypes": true}})])
}
