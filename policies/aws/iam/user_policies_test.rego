package iac_guard.aws.iam.user_policies_test

import data.iac_guard.aws.iam.user_policies
import data.iac_guard.testing
import rego.v1

test_inline_user_policy_is_denied if {
	user_policies.deny == {{
		"msg": "aws_iam_user_policy.p gives a policy to user aws_iam_user.alice.name directly",
		"resource": "aws_iam_user_policy.p",
		"file": "main.tf",
		"attribute": "user",
	}} with input as testing.tf([testing.tf_resource("aws_iam_user_policy", "p", {"user": testing.unknown("aws_iam_user.alice.name"), "policy": "{}"})])
}

test_attachments_to_users_are_denied if {
	testing.addresses(user_policies.deny) == {"aws_iam_user_policy_attachment.a", "aws_iam_policy_attachment.b"} with input as testing.tf([
		testing.tf_resource("aws_iam_user_policy_attachment", "a", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
		testing.tf_resource("aws_iam_policy_attachment", "b", {"users": ["alice"], "groups": ["ops"]}),
	])
}

test_group_and_role_attachments_pass if {
	count(user_policies.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_iam_group_policy_attachment", "a", {"group": "ops", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
		testing.tf_resource("aws_iam_policy_attachment", "b", {"users": [], "roles": ["app"]}),
	])
}

test_cloudformation_user_policies_are_denied if {
	testing.located(user_policies.deny) == {["Alice", "ManagedPolicyArns"], ["Direct", "Users"]} with input as testing.cfn([
		testing.cfn_resource("AWS::IAM::User", "Alice", {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}),
		testing.cfn_resource("AWS::IAM::User", "Bob", {"Groups": [{"Ref": "Ops"}]}),
		testing.cfn_resource("AWS::IAM::Policy", "Direct", {"PolicyName": "p", "Users": [{"Ref": "Alice"}], "PolicyDocument": {}}),
	])
}
