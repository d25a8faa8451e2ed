# METADATA
# title: IAM policy attached directly to a user
# description: >-
#   Permissions given to individual users (inline user policies or attachments) drift
#   out of review; grant them through groups or roles so access is managed in one place.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
# custom:
#   id: IAC-AWS-IAM-002
#   severity: low
#   remediation: >-
#     Terraform: replace `aws_iam_user_policy` / `aws_iam_user_policy_attachment` (and the
#     `users` of `aws_iam_policy_attachment`) with an `aws_iam_group_policy_attachment` and
#     an `aws_iam_user_group_membership`. CloudFormation: move the user's `Policies` and
#     `ManagedPolicyArns` (or a policy's `Users`) to an `AWS::IAM::Group`.
#   frameworks: [CIS-AWS-1.15]
#   forms:
#     - >-
#       `aws_iam_user_policy`, `aws_iam_user_policy_attachment`, `aws_iam_policy_attachment`
#       with `users`
#     - >-
#       CloudFormation `AWS::IAM::User` `Policies` / `ManagedPolicyArns`, and
#       `AWS::IAM::Policy` / `ManagedPolicy` with `Users`
#   not_flagged:
#     - >-
#       group and role attachments, which are the recommended path
package iac_guard.aws.iam.user_policies

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("%s gives a policy to user %s directly", [r.address, user_name(r.values.user)]), "user") if {
	lib.is_terraform
	some rtype in ["aws_iam_user_policy", "aws_iam_user_policy_attachment"]
	some r in lib.managed(rtype)
}

deny contains lib.finding(r, sprintf("%s attaches its policy to users directly", [r.address]), "users") if {
	lib.is_terraform
	some r in lib.managed("aws_iam_policy_attachment")
	count(lib.items(r.values.users)) > 0
}

deny contains lib.finding(r, sprintf("IAM user %s has its own %s", [r.address, attr]), attr) if {
	lib.is_cloudformation
	some r in lib.resources("AWS::IAM::User")
	some attr in ["Policies", "ManagedPolicyArns"]
	lib.has_block(r.values, attr)
}

deny contains lib.finding(r, sprintf("%s attaches its policy to users directly", [r.address]), "Users") if {
	lib.is_cloudformation
	some rtype in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in lib.resources(rtype)
	lib.has_block(r.values, "Users")
}

user_name(value) := value if is_string(value)

user_name(value) := lib.unknown_source(value) if lib.is_unknown(value)

user_name(value) := "(not set)" if {
	not is_string(value)
	not lib.is_unknown(value)
}
