package iac_guard.aws.kinesis.stream_encryption_test

import data.iac_guard.aws.kinesis.stream_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_stream_is_denied if {
	stream_encryption.deny == {{
		"msg": "Kinesis stream aws_kinesis_stream.events is not encrypted at rest",
		"resource": "aws_kinesis_stream.events",
		"file": "main.tf",
		"attribute": "encryption_type",
	}} with input as testing.tf([testing.tf_resource("aws_kinesis_stream", "events", {"shard_count": 1})])
}

test_terraform_forms if {
	testing.addresses(stream_encryption.deny) == {"aws_kinesis_stream.none", "aws_kinesis_stream.empty"} with input as testing.tf([
		testing.tf_resource("aws_kinesis_stream", "none", {"encryption_type": "NONE"}),
		testing.tf_resource("aws_kinesis_stream", "empty", {"encryption_type": ""}),
		testing.tf_resource("aws_kinesis_stream", "kms", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}),
		testing.tf_resource("aws_kinesis_stream", "var", {"encryption_type": testing.unknown("var.enc")}),
	])
}

test_cloudformation_forms if {
	testing.located(stream_encryption.deny) == {["Missing", "StreamEncryption"], ["NoType", "StreamEncryption"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Kinesis::Stream", "Missing", {"ShardCount": 1}),
		testing.cfn_resource("AWS::Kinesis::Stream", "NoType", {"StreamEncryption": {"KeyId": "alias/aws/kinesis"}}),
		testing.cfn_resource("AWS::Kinesis::Stream", "Kms", {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": {"Ref": "Key"}}}),
		testing.cfn_resource("AWS::Kinesis::Stream", "Cond", {"StreamEncryption": {"Fn::If": ["C", {"EncryptionType": "KMS"}, {"Ref": "AWS::NoValue"}]}}),
	])
}
