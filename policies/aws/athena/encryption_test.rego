package iac_guard.aws.athena.encryption_test

import data.iac_guard.aws.athena.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_workgroup_is_denied if {
	testing.addresses(encryption.deny) == {"aws_athena_workgroup.a", "aws_athena_workgroup.b", "aws_athena_workgroup.c", "aws_athena_workgroup.d"} with input as testing.tf([
		testing.tf_resource("aws_athena_workgroup", "a", {}),
		testing.tf_resource("aws_athena_workgroup", "b", {"configuration": [{"enforce_workgroup_configuration": true}]}),
		testing.tf_resource("aws_athena_workgroup", "c", {"configuration": [{"result_configuration": [{"output_location": "s3://r/"}]}]}),
		testing.tf_resource("aws_athena_workgroup", "d", {"configuration": [{"result_configuration": [{"encryption_configuration": [{"encryption_option": ""}]}]}]}),
		testing.tf_resource("aws_athena_workgroup", "e", {"configuration": [{"result_configuration": [{"encryption_configuration": [{"encryption_option": "SSE_KMS"}]}]}]}),
		testing.tf_resource("aws_athena_workgroup", "f", {"configuration": [{"result_configuration": [{"encryption_configuration": testing.unknown("dynamic")}]}]}),
		testing.tf_resource("aws_athena_workgroup", "g", {"configuration": testing.unknown("var.config")}),
		testing.tf_resource("aws_athena_workgroup", "h", {"configuration": [{"managed_query_results_configuration": [{"enabled": true}]}]}),
	])
}

test_message if {
	encryption.deny == {{
		"msg": "Athena workgroup aws_athena_workgroup.a does not encrypt query results",
		"resource": "aws_athena_workgroup.a",
		"file": "main.tf",
		"attribute": "configuration",
	}} with input as testing.tf([testing.tf_resource("aws_athena_workgroup", "a", {"name": "a"})])
}

test_cloudformation_unencrypted_workgroup_is_denied if {
	testing.located(encryption.deny) == {["A", "WorkGroupConfiguration"], ["B", "WorkGroupConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Athena::WorkGroup", "A", {}),
		testing.cfn_resource("AWS::Athena::WorkGroup", "B", {"WorkGroupConfiguration": {"ResultConfiguration": {"OutputLocation": "s3://r/"}}}),
		testing.cfn_resource("AWS::Athena::WorkGroup", "C", {"WorkGroupConfiguration": {"ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}}}}),
		testing.cfn_resource("AWS::Athena::WorkGroup", "D", {"WorkGroupConfiguration": {"ResultConfiguration": {"Fn::If": ["C", {}, {}]}}}),
	])
}
