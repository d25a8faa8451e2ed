package iac_guard.aws.cloudtrail.kms_encryption_test

import data.iac_guard.aws.cloudtrail.kms_encryption
import data.iac_guard.testing
import rego.v1

test_trail_without_kms_key_is_denied if {
	kms_encryption.deny == {{
		"msg": "CloudTrail trail aws_cloudtrail.t is not encrypted with a KMS key",
		"resource": "aws_cloudtrail.t",
		"file": "main.tf",
		"attribute": "kms_key_id",
	}} with input as testing.tf([testing.tf_resource("aws_cloudtrail", "t", {"s3_bucket_name": "logs"})])
}

test_trail_with_kms_key_passes if {
	count(kms_encryption.deny) == 0 with input as testing.tf([testing.tf_resource("aws_cloudtrail", "t", {"kms_key_id": testing.unknown("aws_kms_key.trail.arn")})])
}

test_cloudformation_trail_without_kms_key_is_denied if {
	testing.located(kms_encryption.deny) == {["Trail", "KMSKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudTrail::Trail", "Trail", {}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "Encrypted", {"KMSKeyId": {"Ref": "Key"}}),
	])
}

test_empty_or_null_key_is_not_a_key if {
	testing.addresses(kms_encryption.deny) == {"aws_cloudtrail.empty", "aws_cloudtrail.null"} with input as testing.tf([
		testing.tf_resource("aws_cloudtrail", "empty", {"kms_key_id": ""}),
		testing.tf_resource("aws_cloudtrail", "null", {"kms_key_id": null}),
		testing.tf_resource("aws_cloudtrail", "arn", {"kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}),
	])
}

test_cloudformation_empty_key_is_not_a_key if {
	testing.located(kms_encryption.deny) == {["Empty", "KMSKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudTrail::Trail", "Empty", {"KMSKeyId": ""}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "Alias", {"KMSKeyId": "alias/trail"}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "ImportValue", {"KMSKeyId": {"Fn::ImportValue": "shared-trail-key"}}),
	])
}

test_cloudformation_no_value_is_no_key if {
	testing.located(kms_encryption.deny) == {["NoValue", "KMSKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudTrail::Trail", "NoValue", {"KMSKeyId": {"Ref": "AWS::NoValue"}}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "Conditional", {"KMSKeyId": {"Fn::If": ["Encrypt", {"Ref": "Key"}, {"Ref": "AWS::NoValue"}]}}),
	])
}
