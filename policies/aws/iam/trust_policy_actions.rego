# METADATA
# title: IAM role trust policy allows every action
# description: >-
#   A role's trust policy (`assume_role_policy`) says who may assume the role and how.
#   `Action "*"` (or `sts:*`) there lets every trusted principal use every STS action on
#   the role (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, TagSession,
#   SetSourceIdentity), including the federation paths the role was never meant for.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
# custom:
#   id: IAC-AWS-IAM-004
#   severity: high
#   remediation: >-
#     Name the one action the trusted principal needs in the trust policy:
#     `sts:AssumeRole` (services, accounts), `sts:AssumeRoleWithWebIdentity` (OIDC) or
#     `sts:AssumeRoleWithSAML`, plus `sts:TagSession` only when sessions are tagged
#     (Terraform `assume_role_policy`, CloudFormation `AssumeRolePolicyDocument`).
#   forms:
#     - "`aws_iam_role.assume_role_policy` as JSON text, `jsonencode({...})`, a heredoc with interpolations, or a reference to an `aws_iam_policy_document` data source"
#     - "CloudFormation `AWS::IAM::Role` `AssumeRolePolicyDocument` as an object or JSON text"
#     - "`Action` as a string or a list; `*` and `sts:*`"
#   not_flagged:
#     - "`Deny` statements, and `NotAction` (a different, rarer construct)"
#     - "other wildcards (`sts:Assume*`): they still name assume actions only"
#     - "a document that is unknown (a variable, a `file()` outside the scanned code)"
package iac_guard.aws.iam.trust_policy_actions

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

every_action(stmt) if {
	stmt.effect == "Allow"
	some action in stmt.actions
	is_string(action)
	lower(action) in {"*", "sts:*"}
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_iam_role")
	some stmt in iam.statements(r, r.values.assume_role_policy)
	every_action(stmt)
	result := lib.finding(r, sprintf("role %s trust policy allows every action (%v) to its principals", [r.address, stmt.actions]), "assume_role_policy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::IAM::Role")
	some stmt in iam.statements(r, r.values.AssumeRolePolicyDocument)
	every_action(stmt)
	result := lib.finding(r, sprintf("role %s trust policy allows every action (%v) to its principals", [r.address, stmt.actions]), "AssumeRolePolicyDocument")
}
