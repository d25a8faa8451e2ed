package iac_guard.aws.dynamodb.point_in_time_recovery_test

import data.iac_guard.aws.dynamodb.point_in_time_recovery as pitr
import data.iac_guard.testing
import rego.v1

test_table_without_pitr_is_denied if {
	pitr.deny == {{
		"msg": "DynamoDB table aws_dynamodb_table.orders has no point-in-time recovery",
		"resource": "aws_dynamodb_table.orders",
		"file": "main.tf",
		"attribute": "point_in_time_recovery",
	}} with input as testing.tf([testing.tf_resource("aws_dynamodb_table", "orders", {"point_in_time_recovery": [{"enabled": false}]})])
}

test_pitr_enabled_passes if {
	count(pitr.deny) == 0 with input as testing.tf([testing.tf_resource("aws_dynamodb_table", "orders", {"point_in_time_recovery": [{"enabled": true}]})])
}

test_cloudformation_table_without_pitr_is_denied if {
	testing.located(pitr.deny) == {["Table", "PointInTimeRecoverySpecification"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DynamoDB::Table", "Table", {}),
		testing.cfn_resource("AWS::DynamoDB::Table", "Recoverable", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}}),
	])
}
