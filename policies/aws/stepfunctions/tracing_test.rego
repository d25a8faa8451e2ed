package iac_guard.aws.stepfunctions.tracing_test

import data.iac_guard.aws.stepfunctions.tracing
import data.iac_guard.testing
import rego.v1

test_state_machine_without_tracing_is_denied if {
	tracing.deny == {
		{
			"msg": "Step Functions state machine aws_sfn_state_machine.a does not trace executions with X-Ray",
			"resource": "aws_sfn_state_machine.a",
			"file": "main.tf",
			"attribute": "tracing_configuration",
		},
		{
			"msg": "Step Functions state machine aws_sfn_state_machine.b does not trace executions with X-Ray",
			"resource": "aws_sfn_state_machine.b",
			"file": "main.tf",
			"attribute": "tracing_configuration",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_sfn_state_machine", "a", {}),
		testing.tf_resource("aws_sfn_state_machine", "b", {"tracing_configuration": [{"enabled": false}]}),
		testing.tf_resource("aws_sfn_state_machine", "c", {"tracing_configuration": [{"enabled": true}]}),
		testing.tf_resource("aws_sfn_state_machine", "d", {"tracing_configuration": [{"enabled": testing.unknown("var.t")}]}),
	])
}

test_cloudformation_state_machine_without_tracing_is_denied if {
	testing.located(tracing.deny) == {["A", "TracingConfiguration"], ["B", "TracingConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "A", {}),
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "B", {"TracingConfiguration": {"Enabled": "false"}}),
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "C", {"TracingConfiguration": {"Enabled": true}}),
	])
}
