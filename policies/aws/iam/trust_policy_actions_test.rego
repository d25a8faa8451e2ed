package iac_guard.aws.iam.trust_policy_actions_test

import data.iac_guard.aws.iam.trust_policy_actions
import data.iac_guard.testing
import rego.v1

trust(action) := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": action}]})

test_wildcard_trust_action_is_denied if {
	trust_policy_actions.deny == {{
		"msg": "role aws_iam_role.r trust policy allows every action ([\"*\"]) to its principals",
		"resource": "aws_iam_role.r",
		"file": "main.tf",
		"attribute": "assume_role_policy",
	}} with input as testing.tf([testing.tf_resource("aws_iam_role", "r", {"assume_role_policy": trust("*")})])
}

test_every_form if {
	testing.addresses(trust_policy_actions.deny) == {"aws_iam_role.list", "aws_iam_role.sts_star", "aws_iam_role.document", "aws_iam_role.heredoc"} with input as testing.tf([
		testing.tf_resource("aws_iam_role", "list", {"assume_role_policy": trust(["sts:AssumeRole", "*"])}),
		testing.tf_resource("aws_iam_role", "sts_star", {"assume_role_policy": trust("sts:*")}),
		testing.tf_resource("aws_iam_role", "document", {"assume_role_policy": testing.unknown("data.aws_iam_policy_document.trust.json")}),
		testing.tf_data("aws_iam_policy_document", "trust", {"statement": [{"actions": ["*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::123456789012:root"]}]}]}),
		testing.tf_resource("aws_iam_role", "heredoc", {"assume_role_policy": testing.unknown("<<EOF\n{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"${var.account}\"}, \"Action\": \"*\"}]}\nEOF")}),
		testing.tf_resource("aws_iam_role", "named", {"assume_role_policy": trust("sts:AssumeRole")}),
		testing.tf_resource("aws_iam_role", "web", {"assume_role_policy": trust(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])}),
		testing.tf_resource("aws_iam_role", "deny", {"assume_role_policy": json.marshal({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*"}]})}),
		testing.tf_resource("aws_iam_role", "unknown", {"assume_role_policy": testing.unknown("var.trust")}),
		testing.tf_resource("aws_iam_role_policy", "not_a_trust_policy", {"policy": trust("*")}),
	])
}

test_cloudformation_forms if {
	testing.located(trust_policy_actions.deny) == {["Object", "AssumeRolePolicyDocument"], ["Text", "AssumeRolePolicyDocument"]} with input as testing.cfn([
		testing.cfn_resource("AWS::IAM::Role", "Object", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": ["*"]}]}}),
		testing.cfn_resource("AWS::IAM::Role", "Text", {"AssumeRolePolicyDocument": trust("sts:*")}),
		testing.cfn_resource("AWS::IAM::Role", "Good", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}),
	])
}
