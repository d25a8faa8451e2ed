package iac_guard.aws.secretsmanager.rotation_test

import data.iac_guard.aws.secretsmanager.rotation
import data.iac_guard.testing
import rego.v1

secret(name, values) := testing.tf_resource("aws_secretsmanager_secret", name, values)

rotation_for(name, secret_id) := testing.tf_resource("aws_secretsmanager_secret_rotation", name, {
	"secret_id": secret_id,
	"rotation_lambda_arn": testing.unknown("aws_lambda_function.rotate.arn"),
	"rotation_rules": [{"automatically_after_days": 30}],
})

test_unrotated_secret_is_denied if {
	rotation.deny == {{
		"msg": "Secrets Manager secret aws_secretsmanager_secret.db is not rotated automatically",
		"resource": "aws_secretsmanager_secret.db",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([secret("db", {"name": "prod/db"})])
}

test_terraform_forms if {
	testing.addresses(rotation.deny) == {"aws_secretsmanager_secret.plain", "aws_secretsmanager_secret.empty_lambda"} with input as testing.tf([
		secret("plain", {"name": "plain"}),
		secret("empty_lambda", {"name": "empty", "rotation_lambda_arn": ""}),
		secret("by_ref", {"name": "by-ref"}),
		secret("by_arn", {"name": "by-arn"}),
		secret("by_name", {"name": "prod/api"}),
		secret("legacy", {"name": "legacy", "rotation_lambda_arn": "arn:aws:lambda:eu-west-1:1:function:rotate", "rotation_rules": [{"automatically_after_days": 30}]}),
		rotation_for("ref", testing.unknown("aws_secretsmanager_secret.by_ref.id")),
		rotation_for("arn", testing.unknown("aws_secretsmanager_secret.by_arn.arn")),
		rotation_for("name", "prod/api"),
	])
}

test_rotation_of_an_unknown_secret_covers_all if {
	count(rotation.deny) == 0 with input as testing.tf([secret("a", {"name": "a"}), rotation_for("r", testing.unknown("var.secret_arn"))])
}

test_cloudformation_forms if {
	testing.located(rotation.deny) == {["Plain", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::SecretsManager::Secret", "Plain", {"Name": "plain"}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "Rotated", {"GenerateSecretString": {}}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "Named", {"Name": "prod/named"}),
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "Schedule", {"SecretId": {"Ref": "Rotated"}, "HostedRotationLambda": {"RotationType": "PostgreSQLSingleUser"}}),
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "ByName", {"SecretId": "prod/named", "RotationLambdaARN": "arn"}),
	])
}
