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

test_account_setting_allowing_public_sharing_is_denied if {
	testing.located(document_public.deny) == {["aws_ssm_service_setting.open", "setting_value"]} with input as testing.tf([
		testing.tf_resource("aws_ssm_service_setting", "open", {"setting_id": "arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/documents/console/public-sharing-permission", "setting_value": "Enable"}),
		testing.tf_resource("aws_ssm_service_setting", "closed", {"setting_id": "/ssm/documents/console/public-sharing-permission", "setting_value": "Disable"}),
		testing.tf_resource("aws_ssm_service_setting", "other", {"setting_id": "/ssm/parameter-store/high-throughput-enabled", "setting_value": "true"}),
		testing.tf_resource("aws_ssm_service_setting", "unknown", {"setting_id": testing.unknown("local.id"), "setting_value": "Enable"}),
	])
}
