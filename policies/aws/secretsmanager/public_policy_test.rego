package iac_guard.aws.secretsmanager.public_policy_test

import data.iac_guard.aws.secretsmanager.public_policy
import data.iac_guard.testing
import rego.v1

open_policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`

org_policy := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}`

test_public_secret_policy_is_denied if {
	public_policy.deny == {{
		"msg": "aws_secretsmanager_secret_policy.db allows [\"secretsmanager:GetSecretValue\"] on the secret to any principal",
		"resource": "aws_secretsmanager_secret_policy.db",
		"file": "main.tf",
		"attribute": "policy",
	}} with input as testing.tf([testing.tf_resource("aws_secretsmanager_secret_policy", "db", {"secret_arn": testing.unknown("aws_secretsmanager_secret.db.arn"), "policy": open_policy})])
}

test_terraform_forms if {
	testing.addresses(public_policy.deny) == {"aws_secretsmanager_secret.inline", "aws_secretsmanager_secret_policy.aws_star"} with input as testing.tf([
		testing.tf_resource("aws_secretsmanager_secret", "inline", {"name": "inline", "policy": open_policy}),
		testing.tf_resource("aws_secretsmanager_secret_policy", "aws_star", {"policy": `{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"secretsmanager:*","Resource":"*"}}`}),
		testing.tf_resource("aws_secretsmanager_secret_policy", "org", {"policy": org_policy}),
		testing.tf_resource("aws_secretsmanager_secret_policy", "var", {"policy": testing.unknown("var.policy")}),
		testing.tf_resource("aws_secretsmanager_secret", "plain", {"name": "plain"}),
	])
}

test_cloudformation_forms if {
	testing.located(public_policy.deny) == {["Open", "ResourcePolicy"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SecretsManager::ResourcePolicy", "Open", {"SecretId": {"Ref": "Secret"}, "ResourcePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}}),
		testing.cfn_resource("AWS::SecretsManager::ResourcePolicy", "Account", {"ResourcePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}}),
	])
}
