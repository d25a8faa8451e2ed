package iac_guard.aws.ecs.privileged_test

import data.iac_guard.aws.ecs.privileged
import data.iac_guard.testing
import rego.v1

test_privileged_container_in_json_string_is_denied if {
	privileged.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.app runs container web privileged",
		"resource": "aws_ecs_task_definition.app",
		"file": "main.tf",
		"attribute": "container_definitions",
	}} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "app", {"container_definitions": `[{"name":"web","privileged":true},{"name":"side","privileged":false}]`}),
		testing.tf_resource("aws_ecs_task_definition", "plain", {"container_definitions": `[{"name":"web"}]`}),
		testing.tf_resource("aws_ecs_task_definition", "unknown", {"container_definitions": testing.unknown("templatefile(\"c.json\", var.x)")}),
		testing.tf_resource("aws_ecs_task_definition", "garbage", {"container_definitions": "not json"}),
	])
}

test_cloudformation_privileged_container_is_denied if {
	testing.located(privileged.deny) == {["Task", "ContainerDefinitions.1.Privileged"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "a"}, {"Name": "b", "Privileged": "true"}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Safe", {"ContainerDefinitions": [{"Name": "a", "Privileged": false}, {"Name": "b", "Privileged": {"Ref": "P"}}]}),
	])
}

# jsonencode([...]) with an unknown image: iac-guard keeps the JSON text with "${...}".
test_partly_unknown_jsonencode_is_read if {
	testing.addresses(privileged.deny) == {"aws_ecs_task_definition.a", "aws_ecs_task_definition.heredoc"} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": testing.unknown(`[{"image":"${var.image}","name":"web","privileged":true}]`)}),
		testing.tf_resource("aws_ecs_task_definition", "heredoc", {"container_definitions": testing.unknown("<<-EOT\n[{\"image\": \"${var.image}\", \"privileged\": true}]\nEOT")}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": testing.unknown(`[{"image":"${var.image}","name":"web","privileged":"${var.privileged}"}]`)}),
		testing.tf_resource("aws_ecs_task_definition", "structural", {"container_definitions": testing.unknown("<<-EOT\n[{\"privileged\": ${var.p}}]\nEOT")}),
		testing.tf_resource("aws_ecs_task_definition", "directive", {"container_definitions": testing.unknown("<<-EOT\n[%{ for c in var.cs }{\"privileged\": true}%{ endfor }]\nEOT")}),
	])
}
