package iac_guard.aws.iam.console_mfa_test

import data.iac_guard.aws.iam.console_mfa
import data.iac_guard.testing
import rego.v1

mfa_json := `{"Statement": [{"Sid": "DenyWithoutMFA", "Effect": "Deny", "NotAction": ["iam:*MFADevice*"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}`

ref(expression) := testing.unknown(expression)

test_console_user_without_mfa_policy_is_denied if {
	console_mfa.deny == {{
		"msg": "aws_iam_user_login_profile.alice gives aws_iam_user.alice a console password, and no policy on the user or its groups requires MFA",
		"resource": "aws_iam_user_login_profile.alice",
		"file": "main.tf",
		"attribute": "user",
	}} with input as testing.tf([
		testing.tf_resource("aws_iam_user", "alice", {"name": "alice"}),
		testing.tf_resource("aws_iam_user_login_profile", "alice", {"user": ref("aws_iam_user.alice.name")}),
	])
}

test_mfa_policy_through_a_group_passes if {
	count(console_mfa.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_iam_user", "alice", {"name": "alice"}),
		testing.tf_resource("aws_iam_user_login_profile", "alice", {"user": "alice"}),
		testing.tf_resource("aws_iam_group", "humans", {"name": "humans"}),
		testing.tf_resource("aws_iam_policy", "mfa", {"policy": mfa_json}),
		testing.tf_resource("aws_iam_group_policy_attachment", "mfa", {"group": ref("aws_iam_group.humans.name"), "policy_arn": ref("aws_iam_policy.mfa.arn")}),
		testing.tf_resource("aws_iam_user_group_membership", "alice", {"user": ref("aws_iam_user.alice.name"), "groups": [ref("aws_iam_group.humans.name")]}),
	])
}

test_mfa_policy_document_on_the_user_passes if {
	count(console_mfa.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_iam_user", "bob", {"name": "bob"}),
		testing.tf_resource("aws_iam_user_login_profile", "bob", {"user": "bob"}),
		testing.tf_resource("aws_iam_user_policy", "bob", {"user": "bob", "policy": ref("data.aws_iam_policy_document.mfa.json")}),
		testing.tf_data("aws_iam_policy_document", "mfa", {"statement": [{"effect": "Deny", "not_actions": ["iam:*"], "resources": ["*"], "condition": [{"test": "BoolIfExists", "variable": "aws:MultiFactorAuthPresent", "values": ["false"]}]}]}),
	])
}

test_users_outside_the_code_are_not_judged if {
	count(console_mfa.deny) == 0 with input as testing.tf([testing.tf_resource("aws_iam_user_login_profile", "x", {"user": ref("var.user")})])
}

test_cloudformation_console_user_without_mfa_is_denied if {
	testing.located(console_mfa.deny) == {["Alice", "LoginProfile"]} with input as testing.cfn([
		testing.cfn_resource("AWS::IAM::User", "Alice", {"LoginProfile": {"Password": {"Ref": "Pw"}}}),
		testing.cfn_resource("AWS::IAM::User", "Bob", {"LoginProfile": {"Password": {"Ref": "Pw"}}, "Groups": [{"Ref": "Humans"}]}),
		testing.cfn_resource("AWS::IAM::Group", "Humans", {"ManagedPolicyArns": [{"Ref": "Mfa"}]}),
		testing.cfn_resource("AWS::IAM::ManagedPolicy", "Mfa", {"PolicyDocument": {"Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}}),
		testing.cfn_resource("AWS::IAM::User", "Service", {}),
	])
}
