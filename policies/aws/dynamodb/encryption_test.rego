package iac_guard.aws.dynamodb.encryption_test

import data.iac_guard.aws.dynamodb.encryption
import data.iac_guard.testing
import rego.v1

test_table_without_kms_is_denied if {
	encryption.deny == {{
		"msg": "DynamoDB table aws_dynamodb_table.orders is not encrypted with a KMS key",
		"resource": "aws_dynamodb_table.orders",
		"file": "main.tf",
		"attribute": "server_side_encryption",
	}} with input as testing.tf([testing.tf_resource("aws_dynamodb_table", "orders", {"hash_key": "id"})])
}

test_kms_or_unknown_pass if {
	count(encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_dynamodb_table", "a", {"server_side_encryption": [{"enabled": true}]}),
		testing.tf_resource("aws_dynamodb_table", "b", {"server_side_encryption": [{"enabled": testing.unknown("var.sse")}]}),
	])
}

test_cloudformation_table_without_kms_is_denied if {
	testing.located(encryption.deny) == {["Table", "SSESpecification"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DynamoDB::Table", "Table", {"SSESpecification": {"SSEEnabled": false}}),
		testing.cfn_resource("AWS::DynamoDB::Table", "Encrypted", {"SSESpecification": {"SSEEnabled": true}}),
	])
}
