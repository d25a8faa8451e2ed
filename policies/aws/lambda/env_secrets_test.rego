package iac_guard.aws.lambda.env_secrets_test

import data.iac_guard.aws.lambda.env_secrets
import data.iac_guard.testing
import rego.v1

test_secret_variables_are_denied if {
	env_secrets.deny == {{
		"msg": "Lambda function aws_lambda_function.fn has secrets in plain-text environment variables: AWS_KEY, DB_PASSWORD",
		"resource": "aws_lambda_function.fn",
		"file": "main.tf",
		"attribute": "environment.0.variables",
	}} with input as testing.tf([testing.tf_resource("aws_lambda_function", "fn", {"environment": [{"variables": {
		"DB_PASSWORD": "hunter22",
		"AWS_KEY": "AKIAIOSFODNN7EXAMPLE",
		"TABLE": "orders",
		"API_KEY": testing.unknown("var.api_key"),
		"DB_PASSWORD_PARAM": "/prod/db/password",
		"SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:x",
	}}]})])
}

test_references_and_ordinary_variables_pass if {
	count(env_secrets.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_lambda_function", "a", {"environment": [{"variables": {"TOKEN": testing.unknown("aws_secretsmanager_secret_version.t.secret_string"), "STAGE": "prod"}}]}),
		testing.tf_resource("aws_lambda_function", "b", {"environment": [{"variables": testing.unknown("local.env")}]}),
		testing.tf_resource("aws_lambda_function", "c", {}),
	])
}

test_cloudformation_secret_variable_is_denied if {
	testing.located(env_secrets.deny) == {["Fn", "Environment.Variables"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Lambda::Function", "Fn", {"Environment": {"Variables": {"ClientSecret": "s3cr3t-value"}}}),
		testing.cfn_resource("AWS::Lambda::Function", "Safe", {"Environment": {"Variables": {"Password": "{{resolve:secretsmanager:db:SecretString:password}}", "Token": {"Ref": "Token"}}}}),
	])
}

# Secrets under neutral names, found by their value.
test_secret_values_under_neutral_names if {
	env_secrets.deny == {{
		"msg": "Lambda function aws_lambda_function.fn has secrets in plain-text environment variables: CONFIG, GH, SIGNING, UPSTREAM",
		"resource": "aws_lambda_function.fn",
		"file": "main.tf",
		"attribute": "environment.0.variables",
	}} with input as testing.tf([testing.tf_resource("aws_lambda_function", "fn", {"environment": [{"variables": {
		"CONFIG": "Zk3h8Qy2Lm/Rt5Vx9Bn+Wd7Pc1Fg4Hj6Ks0Ta8Eb",
		"GH": "ghp_0123456789abcdefghijABCDEFGHIJ012345",
		"SIGNING": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
		"UPSTREAM": "q8Zr4TnX2wLp9KfV7sHd3MbQ",
		"TABLE_NAME": "OrdersTableProduction2024",
		"KMS_KEY": "1234abcd-12ab-34cd-56ef-1234567890ab",
		"AMI": "ami-0abcdef1234567890",
		"BUCKET": "my-app-logs-eu-west-1",
		"QUEUE_URL": "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
		"SHA": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	}}]})])
}

test_cloudformation_secret_values_under_neutral_names if {
	testing.located(env_secrets.deny) == {["Fn", "Environment.Variables"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Lambda::Function", "Fn", {"Environment": {"Variables": {"Upstream": "xoxb-1234567890-abcdefghijkl"}}}),
		testing.cfn_resource("AWS::Lambda::Function", "Plain", {"Environment": {"Variables": {"Stage": "Production", "LogLevel": "DEBUG"}}}),
	])
}
