package iac_guard.aws.sns.encryption_test

import data.iac_guard.aws.sns.encryption
import data.iac_guard.testing
import rego.v1

test_topic_without_key_is_denied if {
	encryption.deny == {{
		"msg": "SNS topic aws_sns_topic.alerts is not encrypted with a KMS key",
		"resource": "aws_sns_topic.alerts",
		"file": "main.tf",
		"attribute": "kms_master_key_id",
	}} with input as testing.tf([testing.tf_resource("aws_sns_topic", "alerts", {"name": "alerts"})])
}

test_topic_with_key_passes if {
	count(encryption.deny) == 0 with input as testing.tf([testing.tf_resource("aws_sns_topic", "alerts", {"kms_master_key_id": "alias/aws/sns"})])
}

test_cloudformation_topic_without_key_is_denied if {
	testing.located(encryption.deny) == {["Topic", "KmsMasterKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SNS::Topic", "Topic", {}),
		testing.cfn_resource("AWS::SNS::Topic", "Encrypted", {"KmsMasterKeyId": {"Ref": "Key"}}),
	])
}

test_empty_or_null_key_is_not_a_key if {
	testing.addresses(encryption.deny) == {"aws_sns_topic.empty", "aws_sns_topic.null", "aws_sns_topic.blank"} with input as testing.tf([
		testing.tf_resource("aws_sns_topic", "empty", {"kms_master_key_id": ""}),
		testing.tf_resource("aws_sns_topic", "null", {"kms_master_key_id": null}),
		testing.tf_resource("aws_sns_topic", "blank", {"kms_master_key_id": "  "}),
		testing.tf_resource("aws_sns_topic", "arn", {"kms_master_key_id": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}),
		testing.tf_resource("aws_sns_topic", "ref", {"kms_master_key_id": testing.unknown("aws_kms_key.k.id")}),
	])
}

test_cloudformation_empty_key_is_not_a_key if {
	testing.located(encryption.deny) == {["Empty", "KmsMasterKeyId"], ["Null", "KmsMasterKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SNS::Topic", "Empty", {"KmsMasterKeyId": ""}),
		testing.cfn_resource("AWS::SNS::Topic", "Null", {"KmsMasterKeyId": null}),
		testing.cfn_resource("AWS::SNS::Topic", "GetAtt", {"KmsMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}),
		testing.cfn_resource("AWS::SNS::Topic", "Alias", {"KmsMasterKeyId": "alias/aws/sns"}),
	])
}
