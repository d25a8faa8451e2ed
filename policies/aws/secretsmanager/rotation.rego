# METADATA
# title: Secrets Manager secret is not rotated automatically
# description: >-
#   A secret that is never rotated stays valid forever once leaked - in a log, a laptop,
#   a former employee's notes. Automatic rotation limits how long a leaked value is useful.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
# custom:
#   id: IAC-AWS-SECRETSMANAGER-001
#   severity: medium
#   remediation: >-
#     Terraform: add an `aws_secretsmanager_secret_rotation` whose `secret_id` is this secret,
#     with `rotation_lambda_arn` and `rotation_rules { automatically_after_days = 30 }`.
#     CloudFormation: add an `AWS::SecretsManager::RotationSchedule` with `SecretId: !Ref
#     <Secret>` and `RotationLambdaARN` or `HostedRotationLambda`.
#   frameworks: [AWS-FSBP-SecretsManager.1]
#   forms:
#     - 'Terraform: a separate `aws_secretsmanager_secret_rotation` by reference (`aws_secretsmanager_secret.x.id` / `.arn`) or by the literal secret name'
#     - 'Terraform: the legacy inline `rotation_lambda_arn` / `rotation_rules` of `aws_secretsmanager_secret` (AWS provider v3)'
#     - 'CloudFormation: an `AWS::SecretsManager::RotationSchedule` whose `SecretId` is `Ref` / `!Ref` the secret (or its literal name)'
#   not_flagged:
#     - A rotation resource whose secret is not one of the scanned secrets (a variable, an ARN) - it may rotate any of them.
#     - 'Secrets that Secrets Manager manages for another service (RDS `manage_master_user_password`), which are not `aws_secretsmanager_secret` resources.'
package iac_guard.aws.secretsmanager.rotation

import data.iac_guard.lib
import rego.v1

rotated := lib.pointers("aws_secretsmanager_secret_rotation", "secret_id")

secrets := {lib.address_key(r) | some r in lib.managed("aws_secretsmanager_secret")} | {name |
	some r in lib.managed("aws_secretsmanager_secret")
	name := r.values.name
	is_string(name)
}

default unknown_rotation := false

unknown_rotation if {
	some key in rotated
	not secrets[key]
}

inline_rotation(values) if {
	values.rotation_lambda_arn != null
	values.rotation_lambda_arn != ""
}

inline_rotation(values) if lib.has_block(values, "rotation_rules")

deny contains result if {
	lib.is_terraform
	not unknown_rotation
	some r in lib.managed("aws_secretsmanager_secret")
	not inline_rotation(r.values)
	not lib.pointed_at(r, rotated, "name")
	result := lib.finding(r, sprintf("Secrets Manager secret %s is not rotated automatically", [r.address]), "")
}

cfn_rotated := lib.pointers("AWS::SecretsManager::RotationSchedule", "SecretId")

cfn_secrets := {lib.address_key(r) | some r in lib.resources("AWS::SecretsManager::Secret")} | {name |
	some r in lib.resources("AWS::SecretsManager::Secret")
	name := r.values.Name
	is_string(name)
}

default cfn_unknown_rotation := false

cfn_unknown_rotation if {
	some key in cfn_rotated
	not cfn_secrets[key]
}

deny contains result if {
	lib.is_cloudformation
	not cfn_unknown_rotation
	some r in lib.resources("AWS::SecretsManager::Secret")
	not lib.pointed_at(r, cfn_rotated, "Name")
	result := lib.finding(r, sprintf("Secrets Manager secret %s is not rotated automatically (no RotationSchedule)", [r.address]), "")
}
