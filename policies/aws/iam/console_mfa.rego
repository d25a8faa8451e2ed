# METADATA
# title: IAM user can sign in to the console without MFA
# description: >-
#   A user with a console password (login profile) and no policy that requires
#   multi-factor authentication can be taken over with one phished or reused password.
#   MFA devices are enrolled outside infrastructure code, so the expressible control is
#   a policy that denies actions unless `aws:MultiFactorAuthPresent` is true, attached to
#   the user or one of its groups. Users defined outside the scanned code are not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html
# custom:
#   id: IAC-AWS-IAM-003
#   severity: medium
#   remediation: >-
#     Attach to the user's group a policy that denies all actions except MFA
#     self-management when `aws:MultiFactorAuthPresent` is false (Terraform
#     `aws_iam_group_policy_attachment` + `aws_iam_user_group_membership`; CloudFormation an
#     `AWS::IAM::ManagedPolicy` in the user's `Groups`), or remove the
#     `aws_iam_user_login_profile` / `LoginProfile` and use SSO.
#   frameworks: [CIS-AWS-1.10]
#   forms:
#     - >-
#       `aws_iam_user_login_profile` for a user no MFA-enforcing policy covers: inline,
#       attached, through group policies and memberships (`aws_iam_user_group_membership`,
#       `aws_iam_group_membership`), by reference or literal name
#     - >-
#       CloudFormation `AWS::IAM::User` with `LoginProfile`, covered through its `Policies`,
#       `ManagedPolicyArns`, `Groups`, `AWS::IAM::Policy` `Users`/`Groups` and
#       `UserToGroupAddition`
#   not_flagged:
#     - >-
#       users without a console password (access keys only)
#     - >-
#       MFA enforced outside the scanned code (an SCP, an identity provider)
package iac_guard.aws.iam.console_mfa

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

enforces_mfa(r, document) if {
	some stmt in iam.statements(r, document)
	iam.mfa_condition(stmt)
}

# Terraform: users and groups by address and by literal name.
users := {lib.address_key(u) | some u in lib.managed("aws_iam_user")}

users_by_name[name] contains lib.address_key(u) if {
	some u in lib.managed("aws_iam_user")
	name := u.values.name
	is_string(name)
}

groups_by_name[name] contains lib.address_key(g) if {
	some g in lib.managed("aws_iam_group")
	name := g.values.name
	is_string(name)
}

# The user (group) addresses an attribute value names: a reference or a literal name.
user_keys(r, value) := {t | some t in lib.pointer_keys(r, value); users[t]} if lib.is_unknown(value)

user_keys(_, value) := users_by_name[value] if is_string(value)

group_keys(r, value) := lib.pointer_keys(r, value) if lib.is_unknown(value)

group_keys(_, value) := groups_by_name[value] if is_string(value)

mfa_policies := {lib.address_key(p) | some p in lib.managed("aws_iam_policy"); enforces_mfa(p, p.values.policy)}

attaches_mfa(a) if {
	some t in lib.pointer_keys(a, a.values.policy_arn)
	mfa_policies[t]
}

mfa_groups contains g if {
	some p in lib.managed("aws_iam_group_policy")
	enforces_mfa(p, p.values.policy)
	some g in group_keys(p, p.values.group)
}

mfa_groups contains g if {
	some a in lib.managed("aws_iam_group_policy_attachment")
	attaches_mfa(a)
	some g in group_keys(a, a.values.group)
}

mfa_groups contains g if {
	some a in lib.managed("aws_iam_policy_attachment")
	attaches_mfa(a)
	some value in lib.items(a.values.groups)
	some g in group_keys(a, value)
}

mfa_users contains u if {
	some p in lib.managed("aws_iam_user_policy")
	enforces_mfa(p, p.values.policy)
	some u in user_keys(p, p.values.user)
}

mfa_users contains u if {
	some a in lib.managed("aws_iam_user_policy_attachment")
	attaches_mfa(a)
	some u in user_keys(a, a.values.user)
}

mfa_users contains u if {
	some a in lib.managed("aws_iam_policy_attachment")
	attaches_mfa(a)
	some value in lib.items(a.values.users)
	some u in user_keys(a, value)
}

mfa_users contains u if {
	some m in lib.managed("aws_iam_user_group_membership")
	some value in lib.items(m.values.groups)
	some g in group_keys(m, value)
	mfa_groups[g]
	some u in user_keys(m, m.values.user)
}

mfa_users contains u if {
	some m in lib.managed("aws_iam_group_membership")
	some g in group_keys(m, m.values.group)
	mfa_groups[g]
	some value in lib.items(m.values.users)
	some u in user_keys(m, value)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_iam_user_login_profile")
	some u in user_keys(r, r.values.user)
	not mfa_users[u]
	result := lib.finding(r, sprintf("%s gives %s a console password, and no policy on the user or its groups requires MFA", [r.address, lib.key_address(u)]), "user")
}

# CloudFormation: by logical id.
cfn_inline_mfa(r) if {
	some p in lib.items(r.values.Policies)
	enforces_mfa(r, p.PolicyDocument)
}

cfn_inline_mfa(r) if {
	some arn in lib.items(r.values.ManagedPolicyArns)
	some t in lib.pointer_keys(r, arn)
	cfn_mfa_policies[t]
}

cfn_mfa_policies := {lib.address_key(p) | some p in lib.resources("AWS::IAM::ManagedPolicy"); enforces_mfa(p, p.values.PolicyDocument)}

cfn_mfa_groups contains lib.address_key(g) if {
	some g in lib.resources("AWS::IAM::Group")
	cfn_inline_mfa(g)
}

cfn_mfa_groups contains g.values.GroupName if {
	some g in lib.resources("AWS::IAM::Group")
	cfn_inline_mfa(g)
	is_string(g.values.GroupName)
}

cfn_mfa_groups contains t if {
	some rtype in ["AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"]
	some p in lib.resources(rtype)
	enforces_mfa(p, p.values.PolicyDocument)
	some value in lib.items(p.values.Groups)
	some t in lib.pointer_keys(p, value)
}

cfn_mfa_users contains t if {
	some rtype in ["AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"]
	some p in lib.resources(rtype)
	enforces_mfa(p, p.values.PolicyDocument)
	some value in lib.items(p.values.Users)
	some t in lib.pointer_keys(p, value)
}

cfn_mfa_users contains t if {
	some a in lib.resources("AWS::IAM::UserToGroupAddition")
	some g in lib.pointer_keys(a, a.values.GroupName)
	cfn_mfa_groups[g]
	some value in lib.items(a.values.Users)
	some t in lib.pointer_keys(a, value)
}

cfn_covered(u) if cfn_inline_mfa(u)

cfn_covered(u) if lib.pointed_at(u, cfn_mfa_users, "UserName")

cfn_covered(u) if {
	some value in lib.items(u.values.Groups)
	some g in lib.pointer_keys(u, value)
	cfn_mfa_groups[g]
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::IAM::User")
	lib.has_block(r.values, "LoginProfile")
	not cfn_covered(r)
	result := lib.finding(r, sprintf("IAM user %s has a console password, and no policy on the user or its groups requires MFA", [r.address]), "LoginProfile")
}
