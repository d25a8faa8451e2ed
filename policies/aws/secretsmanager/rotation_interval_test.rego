package iac_guard.aws.secretsmanager.rotation_interval_test

import data.iac_guard.aws.secretsmanager.rotation_interval
import data.iac_guard.testing
import rego.v1

rot(name, rules) := testing.tf_resource("aws_secretsmanager_secret_rotation", name, {"secret_id": "s", "rotation_rules": [rules]})

test_long_interval_is_denied if {
	rotation_interval.deny == {{
		"msg": "aws_secretsmanager_secret_rotation.db rotates its secret less often than every 90 days",
		"resource": "aws_secretsmanager_secret_rotation.db",
		"file": "main.tf",
		"attribute": "rotation_rules",
	}} with input as testing.tf([rot("db", {"automatically_after_days": 365})])
}

test_terraform_forms if {
	testing.addresses(rotation_interval.deny) == {"aws_secretsmanager_secret_rotation.quoted", "aws_secretsmanager_secret_rotation.rate", "aws_secretsmanager_secret.legacy"} with input as testing.tf([
		rot("quoted", {"automatically_after_days": "180"}),
		rot("rate", {"schedule_expression": "rate(120 days)"}),
		rot("monthly", {"automatically_after_days": 30}),
		rot("rate_ok", {"schedule_expression": "rate(10 days)"}),
		rot("cron", {"schedule_expression": "cron(0 16 1,15 * ? *)"}),
		rot("hours", {"schedule_expression": "rate(4 hours)"}),
		rot("var", {"automatically_after_days": testing.unknown("var.days")}),
		testing.tf_resource("aws_secretsmanager_secret", "legacy", {"rotation_rules": [{"automatically_after_days": 91}]}),
	])
}

test_cloudformation_forms if {
	testing.located(rotation_interval.deny) == {["Yearly", "RotationRules"], ["Rate", "RotationRules"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "Yearly", {"RotationRules": {"AutomaticallyAfterDays": 365}}),
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "Rate", {"RotationRules": {"ScheduleExpression": "rate(100 days)"}}),
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "Monthly", {"RotationRules": {"AutomaticallyAfterDays": "30"}}),
		testing.cfn_resource("AWS::SecretsManager::RotationSchedule", "Param", {"RotationRules": {"AutomaticallyAfterDays": {"Ref": "Days"}}}),
	])
}
