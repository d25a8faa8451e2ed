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
