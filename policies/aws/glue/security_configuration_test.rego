package iac_guard.aws.glue.security_configuration_test

import data.iac_guard.aws.glue.security_configuration
import data.iac_guard.testing
import rego.v1

test_disabled_parts_are_denied if {
	security_configuration.deny == {
		{
			"msg": "Glue security configuration aws_glue_security_configuration.a does not encrypt S3 data",
			"resource": "aws_glue_security_configuration.a",
			"file": "main.tf",
			"attribute": "encryption_configuration.0.s3_encryption.0.s3_encryption_mode",
		},
		{
			"msg": "Glue security configuration aws_glue_security_configuration.a does not encrypt job bookmark data",
			"resource": "aws_glue_security_configuration.a",
			"file": "main.tf",
			"attribute": "encryption_configuration.0.job_bookmarks_encryption",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_glue_security_configuration", "a", {"encryption_configuration": [{
			"s3_encryption": [{"s3_encryption_mode": "DISABLED"}],
			"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS"}],
		}]}),
		testing.tf_resource("aws_glue_security_configuration", "b", {"encryption_configuration": [{
			"s3_encryption": [{"s3_encryption_mode": "SSE-S3"}],
			"cloudwatch_encryption": [{"cloudwatch_encryption_mode": testing.unknown("var.mode")}],
			"job_bookmarks_encryption": testing.unknown("dynamic"),
		}]}),
		testing.tf_resource("aws_glue_security_configuration", "c", {"encryption_configuration": testing.unknown("var.e")}),
	])
}

test_cloudformation_disabled_parts_are_denied if {
	testing.located(security_configuration.deny) == {
		["A", "EncryptionConfiguration.S3Encryptions.0.S3EncryptionMode"],
		["A", "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode"],
		["B", "EncryptionConfiguration.S3Encryptions.S3EncryptionMode"],
		["B", "EncryptionConfiguration.CloudWatchEncryption"],
		["B", "EncryptionConfiguration.JobBookmarksEncryption"],
	} with input as testing.cfn([
		testing.cfn_resource("AWS::Glue::SecurityConfiguration", "A", {"EncryptionConfiguration": {
			"S3Encryptions": [{"S3EncryptionMode": "DISABLED"}],
			"CloudWatchEncryption": {"CloudWatchEncryptionMode": "disabled"},
			"JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS"},
		}}),
		testing.cfn_resource("AWS::Glue::SecurityConfiguration", "B", {"EncryptionConfiguration": {"S3Encryptions": {"S3EncryptionMode": "DISABLED"}}}),
		testing.cfn_resource("AWS::Glue::SecurityConfiguration", "C", {"EncryptionConfiguration": {
			"S3Encryptions": [{"S3EncryptionMode": "SSE-KMS"}],
			"CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS"},
			"JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS"},
		}}),
	])
}
