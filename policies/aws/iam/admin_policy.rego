# METADATA
# title: IAM policy allows every action on every resource
# description: A statement with `Action "*"` on `Resource "*"` grants full administrator rights.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: IAC-AWS-IAM-001
#   severity: critical
#   remediation: >-
#     Replace `"Action": "*"` (Terraform `actions = ["*"]` in an `aws_iam_policy_document`)
#     with the specific actions needed and scope `Resource` (`resources`) to the ARNs they
#     act on.
#   frameworks: [CIS-AWS-1.16]
#   forms:
#     - >-
#       a statement allowing `*` or `*:*` on `*` in `aws_iam_policy`, `aws_iam_role_policy`,
#       `aws_iam_user_policy`, `aws_iam_group_policy` and the `inline_policy` blocks of
#       `aws_iam_role` (JSON text, `jsonencode`, heredoc with interpolations; `Statement`
#       as an object or a list)
#     - >-
#       `aws_iam_policy_document` statements (reported once, on the data source)
#     - >-
#       CloudFormation `AWS::IAM::Policy` / `ManagedPolicy` `PolicyDocument` and the inline
#       `Policies` of roles, users and groups
#   not_flagged:
#     - >-
#       `NotAction` / `NotResource` statements and service-wide wildcards (`s3:*`): broad,
#       but not full administrator rights
#     - >-
#       attaching the AWS managed `AdministratorAccess` policy by ARN
package iac_guard.aws.iam.admin_policy

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

tf_policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

message(r) := sprintf("%s allows \"*\" actions on \"*\" resources", [r.address])

# A policy whose document is written inline (JSON or jsonencode). One that references an
# aws_iam_policy_document is reported on the data source, once.
deny contains lib.finding(r, message(r), "policy") if {
	lib.is_terraform
	some rtype in tf_policy_types
	some r in lib.managed(rtype)
	some stmt in own_statements(r)
	iam.admin(stmt)
}

# The policy's own statements: written out, or a heredoc template. A reference to an
# aws_iam_policy_document is reported on the data source (below), once.
own_statements(r) := iam.statements(r, r.values.policy) if not lib.is_unknown(r.values.policy)

own_statements(r) := iam.statements(r, r.values.policy) if iam.template_document(r.values.policy)

# The `inline_policy` blocks of an aws_iam_role (JSON text, jsonencode or a heredoc).
deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_iam_role")
	some i, block in lib.items(r.values.inline_policy)
	is_object(block)
	some stmt in inline_statements(r, block.policy)
	iam.admin(stmt)
	result := lib.finding(r, sprintf("%s has inline policy %v allowing \"*\" actions on \"*\" resources", [r.address, object.get(block, "name", i)]), sprintf("inline_policy.%d.policy", [i]))
}

inline_statements(r, policy) := iam.statements(r, policy) if not lib.is_unknown(policy)

inline_statements(r, policy) := iam.statements(r, policy) if iam.template_document(policy)

deny contains lib.finding(r, message(r), "statement") if {
	lib.is_terraform
	some r in lib.resources("aws_iam_policy_document")
	some s in lib.items(r.values.statement)
	is_object(s)
	iam.admin(iam.tf_statement(s))
}

deny contains lib.finding(r, message(r), "PolicyDocument") if {
	lib.is_cloudformation
	some rtype in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in lib.resources(rtype)
	some stmt in iam.statements(r, r.values.PolicyDocument)
	iam.admin(stmt)
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in lib.resources(rtype)
	some i, p in lib.items(r.values.Policies)
	some stmt in iam.statements(r, p.PolicyDocument)
	iam.admin(stmt)
	result := lib.finding(r, sprintf("%s has inline policy %v allowing \"*\" actions on \"*\" resources", [r.address, p.PolicyName]), sprintf("Policies.%d", [i]))
}
