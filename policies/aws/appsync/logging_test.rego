package iac_guard.aws.appsync.logging_test

import data.iac_guard.aws.appsync.logging
import data.iac_guard.testing
import rego.v1

test_api_without_logging_is_denied if {
	testing.addresses(logging.deny) == {"aws_appsync_graphql_api.a", "aws_appsync_graphql_api.b"} with input as testing.tf([
		testing.tf_resource("aws_appsync_graphql_api", "a", {}),
		testing.tf_resource("aws_appsync_graphql_api", "b", {"log_config": [{"field_log_level": "NONE"}]}),
		testing.tf_resource("aws_appsync_graphql_api", "c", {"log_config": [{"field_log_level": "ERROR"}]}),
		testing.tf_resource("aws_appsync_graphql_api", "d", {"log_config": [{"field_log_level": testing.unknown("var.level")}]}),
	])
}

test_message if {
	logging.deny == {{
		"msg": "AppSync GraphQL API aws_appsync_graphql_api.a does not log resolver activity",
		"resource": "aws_appsync_graphql_api.a",
		"file": "main.tf",
		"attribute": "log_config",
	}} with input as testing.tf([testing.tf_resource("aws_appsync_graphql_api", "a", {"name": "a"})])
}

test_cloudformation_api_without_logging_is_denied if {
	testing.located(logging.deny) == {["A", "LogConfig"], ["B", "LogConfig"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "A", {}),
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "B", {"LogConfig": {"FieldLogLevel": "none"}}),
		testing.cfn_resource("AWS::AppSync::GraphQLApi", "C", {"LogConfig": {"FieldLogLevel": "ALL"}}),
	])
}
