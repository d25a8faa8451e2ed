package iac_guard.aws.cognito.unauthenticated_identities_test

import data.iac_guard.aws.cognito.unauthenticated_identities
import data.iac_guard.testing
import rego.v1

test_unauthenticated_identities_are_denied if {
	unauthenticated_identities.deny == {{
		"msg": "Cognito identity pool aws_cognito_identity_pool.a gives AWS credentials to unauthenticated users",
		"resource": "aws_cognito_identity_pool.a",
		"file": "main.tf",
		"attribute": "allow_unauthenticated_identities",
	}} with input as testing.tf([
		testing.tf_resource("aws_cognito_identity_pool", "a", {"allow_unauthenticated_identities": true}),
		testing.tf_resource("aws_cognito_identity_pool", "b", {"allow_unauthenticated_identities": false}),
		testing.tf_resource("aws_cognito_identity_pool", "c", {}),
		testing.tf_resource("aws_cognito_identity_pool", "d", {"allow_unauthenticated_identities": testing.unknown("var.guest")}),
	])
}

test_cloudformation_unauthenticated_identities_are_denied if {
	testing.located(unauthenticated_identities.deny) == {["A", "AllowUnauthenticatedIdentities"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Cognito::IdentityPool", "A", {"AllowUnauthenticatedIdentities": "true"}),
		testing.cfn_resource("AWS::Cognito::IdentityPool", "B", {"AllowUnauthenticatedIdentities": false}),
	])
}
