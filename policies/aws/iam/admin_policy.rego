# METADATA
# title: IAM policy allows every action on every resource
# description: A statement with `Action "*"` on `Resource "*"` grants full administrator rights.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: IAC-AWS-IAM-001
#   severity: critical
#   remediation: 'Replace `"Action": "*"` with the specific actions needed and scope `Resource` to the ARNs they act on.'
#   frameworks: [CIS-AWS-1.16]
package iac_guard.aws.iam.admin_policy

import data.iac_guard.lib
import rego.v1

tf_policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

deny contains result if {
	lib.is_terraform
	some rtype in tf_policy_types
	some r in lib.managed(rtype)
	lib.admin_statement(r.values.policy)
	result := lib.finding(r, sprintf("%s allows \"*\" actions on \"*\" resources", [r.address]), "policy")
}

deny contains result if {
	lib.is_terraform
	some r in lib.resources("aws_iam_policy_document")
	some stmt in r.values.statement
	object.get(stmt, "effect", "Allow") == "Allow"
	"*" in stmt.actions
	"*" in stmt.resources
	result := lib.finding(r, sprintf("%s allows \"*\" actions on \"*\" resources", [r.address]), "statement")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in lib.resources(rtype)
	lib.admin_statement(r.values.PolicyDocument)
	result := lib.finding(r, sprintf("%s allows \"*\" actions on \"*\" resources", [r.address]), "PolicyDocument")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in lib.resources(rtype)
	some p in r.values.Policies
	lib.admin_statement(p.PolicyDocument)
	result := lib.finding(r, sprintf("%s has inline policy %v allowing \"*\" actions on \"*\" resources", [r.address, p.PolicyName]), "Policies")
}
