# METADATA
# title: Secrets Manager resource policy allows anyone
# description: >-
#   A secret's resource policy statement that allows Principal "*" (or {"AWS": "*"})
#   without a condition grants its actions to every AWS account; with a customer managed
#   key that allows it, anyone could read the secret value.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
# custom:
#   id: IAC-AWS-SECRETSMANAGER-004
#   severity: high
#   remediation: >-
#     Name the principals that need the secret (or add a condition such as
#     `aws:PrincipalOrgID`) in Terraform `policy` of the `aws_secretsmanager_secret_policy`
#     (or the secret's own `policy`), and in CloudFormation `ResourcePolicy` of the
#     `AWS::SecretsManager::ResourcePolicy`; keep `block_public_policy = true` /
#     `BlockPublicPolicy: true` so Secrets Manager rejects such policies.
#   forms:
#     - 'Terraform `aws_secretsmanager_secret_policy.policy` and the inline `policy` of `aws_secretsmanager_secret`: JSON text, `jsonencode(...)`, a heredoc, or a reference to an `aws_iam_policy_document`'
#     - 'CloudFormation `AWS::SecretsManager::ResourcePolicy` `ResourcePolicy` (an object)'
#     - 'Principal as "*" or {"AWS": "*"} (string or list)'
#   not_flagged:
#     - Statements with any condition, Deny statements, and documents that cannot be read (unknown, invalid JSON).
package iac_guard.aws.secretsmanager.public_policy

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_secretsmanager_secret_policy", "aws_secretsmanager_secret"]
	some r in lib.managed(rtype)
	some stmt in iam.statements(r, r.values.policy)
	iam.public(stmt)
	result := lib.finding(r, sprintf("%s allows %v on the secret to any principal", [r.address, stmt.actions]), "policy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SecretsManager::ResourcePolicy")
	some stmt in iam.statements(r, r.values.ResourcePolicy)
	iam.public(stmt)
	result := lib.finding(r, sprintf("%s allows %v on the secret to any principal", [r.address, stmt.actions]), "ResourcePolicy")
}
