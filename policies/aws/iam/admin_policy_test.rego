package iac_guard.aws.iam.admin_policy_test

import data.iac_guard.aws.iam.admin_policy
import data.iac_guard.testing
import rego.v1

admin_json := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`

test_inline_admin_policy_is_denied if {
	admin_policy.deny == {{
		"msg": "aws_iam_policy.admin allows \"*\" actions on \"*\" resources",
		"resource": "aws_iam_policy.admin",
		"file": "main.tf",
		"attribute": "policy",
	}} with input as testing.tf([testing.tf_resource("aws_iam_policy", "admin", {"policy": admin_statement_object})])
}

test_policy_document_is_reported_on_the_data_source_once if {
	testing.addresses(admin_policy.deny) == {"data.aws_iam_policy_document.admin"} with input as testing.tf([
		testing.tf_data("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"]}]}),
		testing.tf_resource("aws_iam_role_policy", "p", {"policy": testing.unknown("data.aws_iam_policy_document.admin.json")}),
	])
}

test_scoped_denied_or_unknown_policies_pass if {
	count(admin_policy.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_iam_policy", "scoped", {"policy": `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`}),
		testing.tf_resource("aws_iam_policy", "deny", {"policy": `{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}`}),
		testing.tf_resource("aws_iam_policy", "unknown", {"policy": testing.unknown("var.policy")}),
		testing.tf_data("aws_iam_policy_document", "d", {"statement": [{"effect": "Deny", "actions": ["*"], "resources": ["*"]}]}),
	])
}

test_cloudformation_admin_policies_are_denied if {
	testing.located(admin_policy.deny) == {["Managed", "PolicyDocument"], ["Role", "Policies.1"]} with input as testing.cfn([
		testing.cfn_resource("AWS::IAM::ManagedPolicy", "Managed", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}]}}),
		testing.cfn_resource("AWS::IAM::Role", "Role", {"Policies": [
			{"PolicyName": "read", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}},
			{"PolicyName": "admin", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
		]}),
	])
}

test_admin_heredoc_template_is_denied if {
	testing.addresses(admin_policy.deny) == {"aws_iam_policy.templated"} with input as testing.tf([testing.tf_resource("aws_iam_policy", "templated", {"name": testing.unknown("var.name"), "policy": testing.unknown("<<EOF\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"${var.sid}\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}\nEOF")})])
}

admin_statement_object := json.marshal({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}})

test_role_inline_policy_blocks if {
	testing.located(admin_policy.deny) == {["aws_iam_role.r", "inline_policy.1.policy"]} with input as testing.tf([testing.tf_resource("aws_iam_role", "r", {
		"assume_role_policy": json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}),
		"inline_policy": [
			{"name": "read", "policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})},
			{"name": "admin", "policy": admin_statement_object},
			{"name": "unknown", "policy": testing.unknown("data.aws_iam_policy_document.x.json")},
		],
	})])
}

test_statement_object_and_wildcard_forms if {
	testing.addresses(admin_policy.deny) == {"aws_iam_policy.object", "aws_iam_group_policy.g"} with input as testing.tf([
		testing.tf_resource("aws_iam_policy", "object", {"policy": admin_statement_object}),
		testing.tf_resource("aws_iam_group_policy", "g", {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})}),
		testing.tf_resource("aws_iam_policy", "service_wide", {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})}),
		testing.tf_resource("aws_iam_policy", "deny_all", {"policy": json.marshal({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]})}),
		testing.tf_resource("aws_iam_policy", "scoped", {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}]})}),
	])
}
