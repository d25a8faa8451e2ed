package iac_guard.aws.stepfunctions.logging_test

import data.iac_guard.aws.stepfunctions.logging
import data.iac_guard.testing
import rego.v1

test_state_machine_without_logging_is_denied if {
	testing.addresses(logging.deny) == {"aws_sfn_state_machine.a", "aws_sfn_state_machine.b", "aws_sfn_state_machine.c"} with input as testing.tf([
		testing.tf_resource("aws_sfn_state_machine", "a", {}),
		testing.tf_resource("aws_sfn_state_machine", "b", {"logging_configuration": [{"level": "OFF"}]}),
		testing.tf_resource("aws_sfn_state_machine", "c", {"logging_configuration": [{"include_execution_data": true}]}),
		testing.tf_resource("aws_sfn_state_machine", "d", {"logging_configuration": [{"level": "ERROR"}]}),
		testing.tf_resource("aws_sfn_state_machine", "e", {"logging_configuration": [{"level": testing.unknown("var.level")}]}),
		testing.tf_resource("aws_sfn_state_machine", "f", {"logging_configuration": testing.unknown("dynamic")}),
	])
}

test_message if {
	logging.deny == {{
		"msg": "Step Functions state machine aws_sfn_state_machine.a does not log its executions",
		"resource": "aws_sfn_state_machine.a",
		"file": "main.tf",
		"attribute": "logging_configuration",
	}} with input as testing.tf([testing.tf_resource("aws_sfn_state_machine", "a", {"logging_configuration": [{"level": "off"}]})])
}

test_cloudformation_state_machine_without_logging_is_denied if {
	testing.located(logging.deny) == {["A", "LoggingConfiguration"], ["B", "LoggingConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "A", {}),
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "B", {"LoggingConfiguration": {"Level": "OFF"}}),
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "C", {"LoggingConfiguration": {"Level": "ALL"}}),
		testing.cfn_resource("AWS::StepFunctions::StateMachine", "D", {"LoggingConfiguration": {"Fn::If": ["Prod", {}, {}]}}),
	])
}
