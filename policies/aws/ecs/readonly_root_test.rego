package iac_guard.aws.ecs.readonly_root_test

import data.iac_guard.aws.ecs.readonly_root
import data.iac_guard.testing
import rego.v1

test_writable_root_is_denied if {
	readonly_root.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.a gives container web a writable root filesystem",
		"resource": "aws_ecs_task_definition.a",
		"file": "main.tf",
		"attribute": "container_definitions",
	}} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web"},{"name":"ro","readonlyRootFilesystem":true}]`}),
		testing.tf_resource("aws_ecs_task_definition", "win", {"container_definitions": `[{"name":"web"}]`, "runtime_platform": [{"operating_system_family": "WINDOWS_SERVER_2022_CORE"}]}),
	])
}

test_explicit_false_is_denied if {
	testing.addresses(readonly_root.deny) == {"aws_ecs_task_definition.a"} with input as testing.tf([testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","readonlyRootFilesystem":false}]`})])
}

test_cloudformation_writable_root_is_denied if {
	testing.located(readonly_root.deny) == {["Task", "ContainerDefinitions.0.ReadonlyRootFilesystem"], ["Task", "ContainerDefinitions.1"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "a", "ReadonlyRootFilesystem": "false"}, {"Name": "b"}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Safe", {"ContainerDefinitions": [{"Name": "a", "ReadonlyRootFilesystem": "true"}, {"Name": "b", "ReadonlyRootFilesystem": {"Ref": "R"}}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Win", {"RuntimePlatform": {"OperatingSystemFamily": "WINDOWS_SERVER_2019_FULL"}, "ContainerDefinitions": [{"Name": "a"}]}),
	])
}

test_unknown_flag_in_partly_unknown_jsonencode_passes if {
	testing.addresses(readonly_root.deny) == {"aws_ecs_task_definition.a"} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": testing.unknown(`[{"image":"${var.image}","name":"web"}]`)}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": testing.unknown(`[{"image":"x","name":"web","readonlyRootFilesystem":"${var.ro}"}]`)}),
	])
}

test_unknown_runtime_platform_passes if {
	count(readonly_root.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web"}]`, "runtime_platform": [{"operating_system_family": testing.unknown("var.os")}]}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": `[{"name":"web"}]`, "runtime_platform": testing.unknown("dynamic")}),
	])
}
