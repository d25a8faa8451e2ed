package iac_guard.aws.ecs.root_user_test

import data.iac_guard.aws.ecs.root_user
import data.iac_guard.testing
import rego.v1

test_root_users_are_denied if {
	testing.addresses(root_user.deny) == {"aws_ecs_task_definition.a", "aws_ecs_task_definition.b", "aws_ecs_task_definition.c"} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","user":"root"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": `[{"name":"web","user":"0:0"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "c", {"container_definitions": `[{"name":"web","user":"root:app"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "d", {"container_definitions": `[{"name":"web","user":"1000:1000"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "e", {"container_definitions": `[{"name":"web"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "f", {"container_definitions": `[{"name":"web","user":"rooted"}]`}),
	])
}

test_message if {
	root_user.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.a runs container web as root",
		"resource": "aws_ecs_task_definition.a",
		"file": "main.tf",
		"attribute": "container_definitions",
	}} with input as testing.tf([testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","user":"0"}]`})])
}

test_cloudformation_root_user_is_denied if {
	testing.located(root_user.deny) == {["Task", "ContainerDefinitions.0.User"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "a", "User": "ROOT"}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Safe", {"ContainerDefinitions": [{"Name": "a", "User": "app"}, {"Name": "b", "User": {"Ref": "U"}}, {"Name": "c"}]}),
	])
}
