package iac_guard.aws.ecs.env_secrets_test

import data.iac_guard.aws.ecs.env_secrets
import data.iac_guard.testing
import rego.v1

test_secret_environment_is_denied if {
	env_secrets.deny == {{
		"msg": "ECS task definition aws_ecs_task_definition.a passes secrets to container web in plain environment variables: DB_PASSWORD, KEY_ID",
		"resource": "aws_ecs_task_definition.a",
		"file": "main.tf",
		"attribute": "container_definitions",
	}} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": `[{"name":"web","environment":[{"name":"DB_PASSWORD","value":"hunter22"},{"name":"KEY_ID","value":"AKIAIOSFODNN7EXAMPLE"},{"name":"STAGE","value":"prod"},{"name":"SECRET_ARN","value":"arn:aws:secretsmanager:eu-west-1:1:secret:x"}]}]`}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": `[{"name":"web","environment":[{"name":"API_KEY","value":""}],"secrets":[{"name":"TOKEN","valueFrom":"arn:aws:ssm:eu-west-1:1:parameter/t"}]}]`}),
	])
}

test_cloudformation_secret_environment_is_denied if {
	testing.located(env_secrets.deny) == {["Task", "ContainerDefinitions.0.Environment"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "a", "Environment": [{"Name": "AUTH_TOKEN", "Value": "abc123"}]}]}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Safe", {"ContainerDefinitions": [{"Name": "a", "Environment": [
			{"Name": "PASSWORD", "Value": "{{resolve:secretsmanager:db:SecretString:password}}"},
			{"Name": "TOKEN", "Value": {"Ref": "Token"}},
		]}]}),
	])
}

test_unknown_values_in_partly_unknown_jsonencode_are_not_secrets if {
	testing.addresses(env_secrets.deny) == {"aws_ecs_task_definition.a"} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "a", {"container_definitions": testing.unknown(`[{"image":"${var.image}","name":"web","environment":[{"name":"DB_PASSWORD","value":"hunter22"}]}]`)}),
		testing.tf_resource("aws_ecs_task_definition", "b", {"container_definitions": testing.unknown(`[{"image":"x","name":"web","environment":[{"name":"DB_PASSWORD","value":"${var.db_password}"}]}]`)}),
	])
}
