package iac_guard.aws.codebuild.env_credentials_test

import data.iac_guard.aws.codebuild.env_credentials
import data.iac_guard.testing
import rego.v1

test_plaintext_credentials_are_denied if {
	env_credentials.deny == {
		{
			"msg": "CodeBuild project aws_codebuild_project.a keeps AWS_SECRET_ACCESS_KEY in a plain-text environment variable",
			"resource": "aws_codebuild_project.a",
			"file": "main.tf",
			"attribute": "environment.0.environment_variable.0",
		},
		{
			"msg": "CodeBuild project aws_codebuild_project.a keeps KEY_ID in a plain-text environment variable",
			"resource": "aws_codebuild_project.a",
			"file": "main.tf",
			"attribute": "environment.0.environment_variable.1",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {"environment": [{"environment_variable": [
			{"name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG"},
			{"name": "KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE", "type": "PLAINTEXT"},
			{"name": "DB_PASSWORD", "value": "/ci/db/password", "type": "PARAMETER_STORE"},
			{"name": "API_TOKEN", "value": "ci/token", "type": "SECRETS_MANAGER"},
			{"name": "STAGE", "value": "prod"},
			{"name": "GITHUB_TOKEN", "value": testing.unknown("var.token")},
		]}]}),
	])
}

test_cloudformation_plaintext_credentials_are_denied if {
	testing.located(env_credentials.deny) == {["P", "Environment.EnvironmentVariables.1"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {"Environment": {"EnvironmentVariables": [
			{"Name": "PASSWORD", "Value": "/ci/pw", "Type": "PARAMETER_STORE"},
			{"Name": "NPM_TOKEN", "Value": "npm_abc123", "Type": "PLAINTEXT"},
			{"Name": "DOCKER_PASSWORD", "Value": "{{resolve:secretsmanager:docker:SecretString:password}}"},
		]}}),
	])
}
