package iac_guard.aws.athena.enforce_configuration_test

import data.iac_guard.aws.athena.enforce_configuration
import data.iac_guard.testing
import rego.v1

test_override_is_denied if {
	enforce_configuration.deny == {{
		"msg": "Athena workgroup aws_athena_workgroup.a lets clients override its result settings",
		"resource": "aws_athena_workgroup.a",
		"file": "main.tf",
		"attribute": "configuration.0.enforce_workgroup_configuration",
	}} with input as testing.tf([
		testing.tf_resource("aws_athena_workgroup", "a", {"configuration": [{"enforce_workgroup_configuration": false}]}),
		testing.tf_resource("aws_athena_workgroup", "b", {"configuration": [{"enforce_workgroup_configuration": true}]}),
		testing.tf_resource("aws_athena_workgroup", "c", {"configuration": [{}]}),
		testing.tf_resource("aws_athena_workgroup", "d", {}),
	])
}

test_cloudformation_override_is_denied if {
	testing.located(enforce_configuration.deny) == {["A", "WorkGroupConfiguration.EnforceWorkGroupConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Athena::WorkGroup", "A", {"WorkGroupConfiguration": {"EnforceWorkGroupConfiguration": "false"}}),
		testing.cfn_resource("AWS::Athena::WorkGroup", "B", {"WorkGroupConfiguration": {"EnforceWorkGroupConfiguration": true}}),
		testing.cfn_resource("AWS::Athena::WorkGroup", "C", {}),
	])
}
