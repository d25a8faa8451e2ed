package iac_guard.aws.ecs.logging_test

import data.iac_guard.aws.ecs.logging
import data.iac_guard.testing
import rego.v1

test_container_without_log_configuration_is_denied if {
	logging.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.a has no log configuration for container side",
		"resource": "aws_ecs_task_definition.a",
		"file": "main.tf",
		"attribute": "container_definitions",
	}} with input as testing.tf([testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","logConfiguration":{"logDriver":"awslogs"}},{"name":"side"}]`})])
}

test_null_or_driverless_configuration_is_denied if {
	count(logging.deny) == 2 with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","logConfiguration":null}]`}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": `[{"name":"web","logConfiguration":{"options":{}}}]`}),
	])
}

test_cloudformation_container_without_logging_is_denied if {
	testing.located(logging.deny) == {["Task", "ContainerDefinitions.1"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "a", "LogConfiguration": {"LogDriver": "awsfirelens"}}, {"Name": "b"}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Safe", {"ContainerDefinitions": [{"Name": "a", "LogConfiguration": {"Fn::If": ["C", {}, {}]}}]}),
	])
}
