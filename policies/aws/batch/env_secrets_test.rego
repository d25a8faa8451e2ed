package iac_guard.aws.batch.env_secrets_test

import data.iac_guard.aws.batch.env_secrets
import data.iac_guard.testing
import rego.v1

test_secret_environment_is_denied if {
	env_secrets.deny == {{
		"msg": "Batch job definition aws_batch_job_definition.a passes secrets in plain environment variables: DB_PASSWORD",
		"resource": "aws_batch_job_definition.a",
		"file": "main.tf",
		"attribute": "container_properties",
	}} with input as testing.tf([
		testing.tf_resource("aws_batch_job_definition", "a", {"container_properties": `{"environment":[{"name":"DB_PASSWORD","value":"hunter22"},{"name":"STAGE","value":"prod"}]}`}),
		testing.tf_resource("aws_batch_job_definition", "b", {"container_properties": `{"environment":[{"name":"STAGE","value":"prod"}],"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:eu-west-1:1:parameter/db"}]}`}),
	])
}

test_cloudformation_secret_environment_is_denied if {
	testing.located(env_secrets.deny) == {["A", "ContainerProperties.Environment"], ["E", "EcsProperties.TaskProperties.0.Containers.0.Environment"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Batch::JobDefinition", "A", {"ContainerProperties": {"Environment": [{"Name": "API_KEY", "Value": "k-123456"}]}}),
		testing.cfn_resource("AWS::Batch::JobDefinition", "E", {"EcsProperties": {"TaskProperties": [{"Containers": [{"Environment": [{"Name": "K", "Value": "AKIAIOSFODNN7EXAMPLE"}]}]}]}}),
		testing.cfn_resource("AWS::Batch::JobDefinition", "B", {"ContainerProperties": {"Environment": [{"Name": "API_KEY", "Value": {"Ref": "Key"}}]}}),
	])
}
