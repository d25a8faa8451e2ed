package iac_guard.aws.secretsmanager.kms_key_test

import data.iac_guard.aws.secretsmanager.kms_key
import data.iac_guard.testing
import rego.v1

test_secret_without_key_is_denied if {
	kms_key.deny == {{
		"msg": "Secrets Manager secret aws_secretsmanager_secret.db is encrypted with the AWS managed key, not a customer managed key",
		"resource": "aws_secretsmanager_secret.db",
		"file": "main.tf",
		"attribute": "kms_key_id",
	}} with input as testing.tf([testing.tf_resource("aws_secretsmanager_secret", "db", {"name": "db"})])
}

test_terraform_forms if {
	testing.addresses(kms_key.deny) == {"aws_secretsmanager_secret.empty", "aws_secretsmanager_secret.null", "aws_secretsmanager_secret.alias", "aws_secretsmanager_secret.alias_arn"} with input as testing.tf([
		testing.tf_resource("aws_secretsmanager_secret", "empty", {"kms_key_id": ""}),
		testing.tf_resource("aws_secretsmanager_secret", "null", {"kms_key_id": null}),
		testing.tf_resource("aws_secretsmanager_secret", "alias", {"kms_key_id": "alias/aws/secretsmanager"}),
		testing.tf_resource("aws_secretsmanager_secret", "alias_arn", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager"}),
		testing.tf_resource("aws_secretsmanager_secret", "cmk", {"kms_key_id": testing.unknown("aws_kms_key.secrets.arn")}),
		testing.tf_resource("aws_secretsmanager_secret", "own_alias", {"kms_key_id": "alias/secrets"}),
	])
}

test_cloudformation_forms if {
	testing.located(kms_key.deny) == {["Missing", "KmsKeyId"], ["Empty", "KmsKeyId"], ["Alias", "KmsKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SecretsManager::Secret", "Missing", {}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "Empty", {"KmsKeyId": ""}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "Alias", {"KmsKeyId": "alias/aws/secretsmanager"}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "Cmk", {"KmsKeyId": {"Ref": "Key"}}),
		testing.cfn_resource("AWS::SecretsManager::Secret", "CmkArn", {"KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}),
	])
}
