package iac_guard.aws.sqs.encryption_test

import data.iac_guard.aws.sqs.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_queue_is_denied if {
	encryption.deny == {{
		"msg": "SQS queue aws_sqs_queue.jobs is not encrypted",
		"resource": "aws_sqs_queue.jobs",
		"file": "main.tf",
		"attribute": "kms_master_key_id",
	}} with input as testing.tf([testing.tf_resource("aws_sqs_queue", "jobs", {"sqs_managed_sse_enabled": false})])
}

test_kms_or_managed_encryption_passes if {
	count(encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_sqs_queue", "a", {"kms_master_key_id": "alias/aws/sqs"}),
		testing.tf_resource("aws_sqs_queue", "b", {"sqs_managed_sse_enabled": true}),
		testing.tf_resource("aws_sqs_queue", "c", {"sqs_managed_sse_enabled": testing.unknown("var.sse")}),
	])
}

test_cloudformation_unencrypted_queue_is_denied if {
	testing.located(encryption.deny) == {["Queue", "KmsMasterKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SQS::Queue", "Queue", {}),
		testing.cfn_resource("AWS::SQS::Queue", "Managed", {"SqsManagedSseEnabled": true}),
	])
}

test_empty_or_null_key_is_not_a_key if {
	testing.addresses(encryption.deny) == {"aws_sqs_queue.empty", "aws_sqs_queue.null"} with input as testing.tf([
		testing.tf_resource("aws_sqs_queue", "empty", {"kms_master_key_id": ""}),
		testing.tf_resource("aws_sqs_queue", "null", {"kms_master_key_id": null, "sqs_managed_sse_enabled": false}),
		testing.tf_resource("aws_sqs_queue", "empty_but_managed", {"kms_master_key_id": "", "sqs_managed_sse_enabled": true}),
		testing.tf_resource("aws_sqs_queue", "ref", {"kms_master_key_id": testing.unknown("aws_kms_key.k.id")}),
	])
}

test_cloudformation_empty_key_is_not_a_key if {
	testing.located(encryption.deny) == {["Empty", "KmsMasterKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SQS::Queue", "Empty", {"KmsMasterKeyId": ""}),
		testing.cfn_resource("AWS::SQS::Queue", "EmptyManaged", {"KmsMasterKeyId": "", "SqsManagedSseEnabled": "true"}),
		testing.cfn_resource("AWS::SQS::Queue", "Sub", {"KmsMasterKeyId": {"Fn::Sub": "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/q"}}),
	])
}
