# METADATA
# title: Secrets Manager rotation interval is longer than 90 days
# description: >-
#   A rotation schedule of more than 90 days leaves a leaked secret usable for months;
#   90 days is the usual upper bound (and the Security Hub default).
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
# custom:
#   id: IAC-AWS-SECRETSMANAGER-003
#   severity: low
#   remediation: >-
#     Terraform: set `rotation_rules { automatically_after_days = 30 }` (or a
#     `schedule_expression` such as `rate(30 days)`) on the `aws_secretsmanager_secret_rotation`.
#     CloudFormation: set `RotationRules.AutomaticallyAfterDays` (or `ScheduleExpression`) on
#     the `AWS::SecretsManager::RotationSchedule` to 90 days or less.
#   frameworks: [AWS-FSBP-SecretsManager.4]
#   forms:
#     - 'Terraform `aws_secretsmanager_secret_rotation` (and the legacy inline `rotation_rules` of `aws_secretsmanager_secret`): `rotation_rules.automatically_after_days` above 90 (number or numeric string), or `schedule_expression = "rate(N days)"` with N above 90'
#     - 'CloudFormation `AWS::SecretsManager::RotationSchedule` `RotationRules.AutomaticallyAfterDays` / `RotationRules.ScheduleExpression` with the same values'
#   not_flagged:
#     - '`cron(...)` schedule expressions (their interval is not computed) and unknown values.'
package iac_guard.aws.secretsmanager.rotation_interval

import data.iac_guard.lib
import rego.v1

too_long(rules, days_key, _) if lib.number(rules[days_key]) > 90

too_long(rules, _, expr_key) if {
	is_string(rules[expr_key])
	m := regex.find_all_string_submatch_n(`^\s*rate\(\s*([0-9]+)\s+days?\s*\)\s*$`, rules[expr_key], 1)
	count(m) == 1
	to_number(m[0][1]) > 90
}

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret"]
	some r in lib.managed(rtype)
	too_long(lib.block(r.values, "rotation_rules"), "automatically_after_days", "schedule_expression")
	result := lib.finding(r, sprintf("%s rotates its secret less often than every 90 days", [r.address]), "rotation_rules")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SecretsManager::RotationSchedule")
	too_long(lib.block(r.values, "RotationRules"), "AutomaticallyAfterDays", "ScheduleExpression")
	result := lib.finding(r, sprintf("%s rotates its secret less often than every 90 days", [r.address]), "RotationRules")
}
