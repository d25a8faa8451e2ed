package iac_guard.aws.codebuild.s3_logs_encryption_test

import data.iac_guard.aws.codebuild.s3_logs_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_s3_logs_are_denied if {
	s3_logs_encryption.deny == {{
		"msg": "CodeBuild project aws_codebuild_project.a writes unencrypted S3 logs",
		"resource": "aws_codebuild_project.a",
		"file": "main.tf",
		"attribute": "logs_config.0.s3_logs.0.encryption_disabled",
	}} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {"logs_config": [{"s3_logs": [{"status": "ENABLED", "encryption_disabled": true}]}]}),
		testing.tf_resource("aws_codebuild_project", "off", {"logs_config": [{"s3_logs": [{"status": "DISABLED", "encryption_disabled": true}]}]}),
		testing.tf_resource("aws_codebuild_project", "b", {"logs_config": [{"s3_logs": [{"status": "ENABLED"}]}]}),
		testing.tf_resource("aws_codebuild_project", "c", {"logs_config": [{"s3_logs": [{"status": "ENABLED", "encryption_disabled": testing.unknown("var.x")}]}]}),
	])
}

test_cloudformation_unencrypted_s3_logs_are_denied if {
	testing.located(s3_logs_encryption.deny) == {["P", "LogsConfig.S3Logs.EncryptionDisabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {"LogsConfig": {"S3Logs": {"Status": "ENABLED", "EncryptionDisabled": "true"}}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "Q", {"LogsConfig": {"S3Logs": {"Status": "ENABLED", "EncryptionDisabled": false}}}),
	])
}
