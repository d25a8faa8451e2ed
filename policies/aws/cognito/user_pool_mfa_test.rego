package iac_guard.aws.cognito.user_pool_mfa_test

import data.iac_guard.aws.cognito.user_pool_mfa
import data.iac_guard.testing
import rego.v1

test_user_pool_without_mfa_is_denied if {
	testing.addresses(user_pool_mfa.deny) == {"aws_cognito_user_pool.a", "aws_cognito_user_pool.b"} with input as testing.tf([
		testing.tf_resource("aws_cognito_user_pool", "a", {}),
		testing.tf_resource("aws_cognito_user_pool", "b", {"mfa_configuration": "OFF"}),
		testing.tf_resource("aws_cognito_user_pool", "c", {"mfa_configuration": "ON"}),
		testing.tf_resource("aws_cognito_user_pool", "d", {"mfa_configuration": "OPTIONAL"}),
		testing.tf_resource("aws_cognito_user_pool", "e", {"mfa_configuration": testing.unknown("var.mfa")}),
	])
}

test_message if {
	user_pool_mfa.deny == {{
		"msg": "Cognito user pool aws_cognito_user_pool.a does not use multi-factor authentication",
		"resource": "aws_cognito_user_pool.a",
		"file": "main.tf",
		"attribute": "mfa_configuration",
	}} with input as testing.tf([testing.tf_resource("aws_cognito_user_pool", "a", {"mfa_configuration": null})])
}

test_cloudformation_user_pool_without_mfa_is_denied if {
	testing.located(user_pool_mfa.deny) == {["A", "MfaConfiguration"], ["B", "MfaConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Cognito::UserPool", "A", {}),
		testing.cfn_resource("AWS::Cognito::UserPool", "B", {"MfaConfiguration": "off"}),
		testing.cfn_resource("AWS::Cognito::UserPool", "C", {"MfaConfiguration": "ON"}),
	])
}
