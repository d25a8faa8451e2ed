package iac_guard.aws.config.all_resources_test

import data.iac_guard.aws.config.all_resources
import data.iac_guard.testing
import rego.v1

test_partial_recording_is_denied if {
	testing.located(all_resources.deny) == {
		["aws_config_configuration_recorder.a", "recording_group.0.all_supported"],
		["aws_config_configuration_recorder.b", "recording_group.0.recording_strategy.0.use_only"],
	} with input as testing.tf([
		testing.tf_resource("aws_config_configuration_recorder", "a", {"recording_group": [{"all_supported": false, "resource_types": ["AWS::S3::Bucket"]}]}),
		testing.tf_resource("aws_config_configuration_recorder", "b", {"recording_group": [{"recording_strategy": [{"use_only": "EXCLUSION_BY_RESOURCE_TYPES"}]}]}),
		testing.tf_resource("aws_config_configuration_recorder", "c", {"recording_group": [{"all_supported": true, "recording_strategy": [{"use_only": "ALL_SUPPORTED_RESOURCE_TYPES"}]}]}),
		testing.tf_resource("aws_config_configuration_recorder", "d", {}),
		testing.tf_resource("aws_config_configuration_recorder", "e", {"recording_group": [{"all_supported": testing.unknown("var.all")}]}),
	])
}

test_message if {
	all_resources.deny == {{
		"msg": "AWS Config recorder aws_config_configuration_recorder.a does not record every resource type",
		"resource": "aws_config_configuration_recorder.a",
		"file": "main.tf",
		"attribute": "recording_group.0.all_supported",
	}} with input as testing.tf([testing.tf_resource("aws_config_configuration_recorder", "a", {"recording_group": [{"all_supported": "false"}]})])
}

test_cloudformation_partial_recording_is_denied if {
	testing.located(all_resources.deny) == {["A", "RecordingGroup.AllSupported"], ["B", "RecordingGroup.RecordingStrategy.UseOnly"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Config::ConfigurationRecorder", "A", {"RecordingGroup": {"AllSupported": false}}),
		testing.cfn_resource("AWS::Config::ConfigurationRecorder", "B", {"RecordingGroup": {"RecordingStrategy": {"UseOnly": "INCLUSION_BY_RESOURCE_TYPES"}}}),
		testing.cfn_resource("AWS::Config::ConfigurationRecorder", "C", {"RecordingGroup": {"AllSupported": true}}),
		testing.cfn_resource("AWS::Config::ConfigurationRecorder", "D", {}),
	])
}
