package iac_guard.aws.ssm.document_public_test

import data.iac_guard.aws.ssm.document_public
import data.iac_guard.testing
import rego.v1

test_public_document_is_denied if {
	document_public.deny == {
		{
			"msg": "SSM document aws_ssm_document.a is shared with every AWS account",
			"resource": "aws_ssm_document.a",
			"file": "main.tf",
			"attribute": "permissions",
		},
		{
			"msg": "SSM document aws_ssm_document.b is shared with every AWS account",
			"resource": "aws_ssm_document.b",
			"file": "main.tf",
			"attribute": "permissions",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_ssm_document", "a", {"permissions": {"type": "Share", "account_ids": "All"}}),
		testing.tf_resource("aws_ssm_document", "b", {"permissions": {"type": "Share", "account_ids": "123456789012, all"}}),
		testing.tf_resource("aws_ssm_document", "c", {"permissions": {"type": "Share", "account_ids": "123456789012"}}),
		testing.tf_resource("aws_ssm_document", "d", {}),
		testing.tf_resource("aws_ssm_document", "e", {"permissions": {"type": "Share", "account_ids": testing.unknown("var.accounts")}}),
	])
}

test_list_of_account_ids_is_read if {
	testing.addresses(document_public.deny) == {"aws_ssm_document.a"} with input as testing.tf([testing.tf_resource("aws_ssm_document", "a", {"permissions": [{"type": "Share", "account_ids": ["All"]}]})])
}
