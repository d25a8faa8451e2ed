package iac_guard.aws.kinesis.firehose_encryption_test

import data.iac_guard.aws.kinesis.firehose_encryption
import data.iac_guard.testing
import rego.v1

fh(name, values) := testing.tf_resource("aws_kinesis_firehose_delivery_stream", name, values)

test_unencrypted_firehose_is_denied if {
	firehose_encryption.deny == {{
		"msg": "Firehose delivery stream aws_kinesis_firehose_delivery_stream.logs is not encrypted at rest",
		"resource": "aws_kinesis_firehose_delivery_stream.logs",
		"file": "main.tf",
		"attribute": "server_side_encryption",
	}} with input as testing.tf([fh("logs", {"destination": "extended_s3"})])
}

test_terraform_forms if {
	testing.addresses(firehose_encryption.deny) == {"aws_kinesis_firehose_delivery_stream.off", "aws_kinesis_firehose_delivery_stream.empty"} with input as testing.tf([
		fh("off", {"server_side_encryption": [{"enabled": "false"}]}),
		fh("empty", {"server_side_encryption": [{"key_type": "AWS_OWNED_CMK"}]}),
		fh("on", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK"}]}),
		fh("var", {"server_side_encryption": [{"enabled": testing.unknown("var.sse")}]}),
		fh("from_stream", {"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]}),
		fh("from_msk", {"msk_source_configuration": [{"msk_cluster_arn": "arn"}]}),
	])
}

test_cloudformation_forms if {
	testing.located(firehose_encryption.deny) == {["Missing", "DeliveryStreamEncryptionConfigurationInput"], ["NoType", "DeliveryStreamEncryptionConfigurationInput"]} with input as testing.cfn([
		testing.cfn_resource("AWS::KinesisFirehose::DeliveryStream", "Missing", {"DeliveryStreamType": "DirectPut"}),
		testing.cfn_resource("AWS::KinesisFirehose::DeliveryStream", "NoType", {"DeliveryStreamEncryptionConfigurationInput": {"KeyARN": "arn"}}),
		testing.cfn_resource("AWS::KinesisFirehose::DeliveryStream", "Owned", {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}}),
		testing.cfn_resource("AWS::KinesisFirehose::DeliveryStream", "FromStream", {"DeliveryStreamType": "KinesisStreamAsSource", "KinesisStreamSourceConfiguration": {}}),
		testing.cfn_resource("AWS::KinesisFirehose::DeliveryStream", "Param", {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": {"Ref": "KeyType"}}}),
	])
}
