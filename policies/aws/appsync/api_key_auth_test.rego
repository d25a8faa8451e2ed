package iac_guard.aws.appsync.api_key_auth_test

import data.iac_guard.aws.appsync.api_key_auth
import data.iac_guard.testing
import rego.v1

test_api_key_auth_is_denied if {
	api_key_auth.deny == {
		{
			"msg": "AppSync GraphQL API aws_appsync_graphql_api.a accepts API keys",
			"resource": "aws_appsync_graphql_api.a",
			"file": "main.tf",
			"attribute": "authentication_type",
		},
		{
			"msg": "AppSync GraphQL API aws_appsync_graphql_api.b accepts API keys",
			"resource": "aws_appsync_graphql_api.b",
			"file": "main.tf",
			"attribute": "additional_authentication_provider.1.authentication_type",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_appsync_graphql_api", "a", {"authentication_type": "API_KEY"}),
		testing.tf_resource("aws_appsync_graphql_api", "b", {"authentication_type": "AWS_IAM", "additional_authentication_provider": [{"authentication_type": "AMAZON_COGNITO_USER_POOLS"}, {"authentication_type": "API_KEY"}]}),
		testing.tf_resource("aws_appsync_graphql_api", "c", {"authentication_type": "AWS_IAM"}),
		testing.tf_resource("aws_appsync_graphql_api", "d", {"authentication_type": testing.unknown("var.auth")}),
	])
}

test_cloudformation_api_key_auth_is_denied if {
	testing.located(api_key_auth.deny) == {["A", "AuthenticationType"], ["B", "AdditionalAuthenticationProviders.0.AuthenticationType"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "A", {"AuthenticationType": "API_KEY"}),
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "B", {"AuthenticationType": "AWS_LAMBDA", "AdditionalAuthenticationProviders": [{"AuthenticationType": "API_KEY"}]}),
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "C", {"AuthenticationType": "OPENID_CONNECT"}),
	])
}
