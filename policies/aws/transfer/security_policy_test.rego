package iac_guard.aws.transfer.security_policy_test

import data.iac_guard.aws.transfer.security_policy
import data.iac_guard.testing
import rego.v1

test_default_policy_is_denied if {
	security_policy.deny == {{
		"msg": "Transfer Family server aws_transfer_server.partners uses an outdated security policy",
		"resource": "aws_transfer_server.partners",
		"file": "main.tf",
		"attribute": "security_policy_name",
	}} with input as testing.tf([testing.tf_resource("aws_transfer_server", "partners", {})])
}

test_terraform_forms if {
	testing.addresses(security_policy.deny) == {"aws_transfer_server.old", "aws_transfer_server.fips_old", "aws_transfer_server.empty"} with input as testing.tf([
		testing.tf_resource("aws_transfer_server", "old", {"security_policy_name": "TransferSecurityPolicy-2020-06"}),
		testing.tf_resource("aws_transfer_server", "fips_old", {"security_policy_name": "TransferSecurityPolicy-FIPS-2020-06"}),
		testing.tf_resource("aws_transfer_server", "empty", {"security_policy_name": ""}),
		testing.tf_resource("aws_transfer_server", "new", {"security_policy_name": "TransferSecurityPolicy-2024-01"}),
		testing.tf_resource("aws_transfer_server", "var", {"security_policy_name": testing.unknown("var.policy")}),
	])
}

test_cloudformation_forms if {
	testing.located(security_policy.deny) == {["Missing", "SecurityPolicyName"], ["Old", "SecurityPolicyName"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Transfer::Server", "Missing", {}),
		testing.cfn_resource("AWS::Transfer::Server", "Old", {"SecurityPolicyName": "TransferSecurityPolicy-2018-11"}),
		testing.cfn_resource("AWS::Transfer::Server", "New", {"SecurityPolicyName": "TransferSecurityPolicy-2023-05"}),
		testing.cfn_resource("AWS::Transfer::Server", "Param", {"SecurityPolicyName": {"Ref": "Policy"}}),
	])
}
