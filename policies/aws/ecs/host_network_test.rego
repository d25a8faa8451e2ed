package iac_guard.aws.ecs.host_network_test

import data.iac_guard.aws.ecs.host_network
import data.iac_guard.testing
import rego.v1

test_host_mode_is_denied if {
	host_network.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.a uses the host network mode",
		"resource": "aws_ecs_task_definition.a",
		"file": "main.tf",
		"attribute": "network_mode",
	}} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"network_mode": "host"}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"network_mode": "awsvpc"}),
		testing.tf_resource("aws_ecs_task_definition", "c", {}),
		testing.tf_resource("aws_ecs_task_definition", "d", {"network_mode": testing.unknown("var.mode")}),
	])
}

test_cloudformation_host_mode_is_denied if {
	testing.located(host_network.deny) == {["Task", "NetworkMode"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"NetworkMode": "HOST"}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Bridge", {"NetworkMode": "bridge"}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Ref", {"NetworkMode": {"Ref": "Mode"}}),
	])
}
