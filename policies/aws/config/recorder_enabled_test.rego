package iac_guard.aws.config.recorder_enabled_test

import data.iac_guard.aws.config.recorder_enabled
import data.iac_guard.testing
import rego.v1

test_recorder_without_status_is_denied if {
	recorder_enabled.deny == {{
		"msg": "AWS Config recorder aws_config_configuration_recorder.idle has no aws_config_configuration_recorder_status turning it on",
		"resource": "aws_config_configuration_recorder.idle",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_config_configuration_recorder", "idle", {"name": "idle"}),
		testing.tf_resource("aws_config_configuration_recorder", "main", {"name": "main"}),
		testing.tf_resource("aws_config_configuration_recorder", "literal", {"name": "by-name"}),
		testing.tf_resource("aws_config_configuration_recorder_status", "main", {"name": testing.unknown("aws_config_configuration_recorder.main.name"), "is_enabled": true}),
		testing.tf_resource("aws_config_configuration_recorder_status", "literal", {"name": "by-name", "is_enabled": testing.unknown("var.on")}),
	])
}

test_stopped_status_is_denied if {
	testing.located(recorder_enabled.deny) == {["aws_config_configuration_recorder_status.main", "is_enabled"]} with input as testing.tf([
		testing.tf_resource("aws_config_configuration_recorder", "main", {"name": "main"}),
		testing.tf_resource("aws_config_configuration_recorder_status", "main", {"name": testing.unknown("aws_config_configuration_recorder.main.name"), "is_enabled": false}),
	])
}

test_cloudformation_is_not_judged if {
	count(recorder_enabled.deny) == 0 with input as testing.cfn([testing.cfn_resource("AWS::Config::ConfigurationRecorder", "R", {})])
}
