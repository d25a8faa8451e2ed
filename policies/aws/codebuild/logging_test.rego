package iac_guard.aws.codebuild.logging_test

import data.iac_guard.aws.codebuild.logging
import data.iac_guard.testing
import rego.v1

test_project_without_logs_is_denied if {
	logging.deny == {
		{
			"msg": "CodeBuild project aws_codebuild_project.a keeps no build logs",
			"resource": "aws_codebuild_project.a",
			"file": "main.tf",
			"attribute": "logs_config.0.cloudwatch_logs.0.status",
		},
		{
			"msg": "CodeBuild project aws_codebuild_project.b keeps no build logs",
			"resource": "aws_codebuild_project.b",
			"file": "main.tf",
			"attribute": "logs_config.0.cloudwatch_logs.0.status",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}]}]}),
		testing.tf_resource("aws_codebuild_project", "b", {"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": "DISABLED"}]}]}),
		testing.tf_resource("aws_codebuild_project", "s3", {"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": "ENABLED", "location": "b/logs"}]}]}),
		testing.tf_resource("aws_codebuild_project", "default", {}),
		testing.tf_resource("aws_codebuild_project", "cw", {"logs_config": [{"cloudwatch_logs": [{"status": "ENABLED"}]}]}),
		testing.tf_resource("aws_codebuild_project", "unknown", {"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": testing.unknown("var.s")}]}]}),
	])
}

test_cloudformation_project_without_logs_is_denied if {
	testing.located(logging.deny) == {["P", "LogsConfig.CloudWatchLogs.Status"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {"LogsConfig": {"CloudWatchLogs": {"Status": "DISABLED"}}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "Q", {"LogsConfig": {"CloudWatchLogs": {"Status": "DISABLED"}, "S3Logs": {"Status": "ENABLED"}}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "R", {}),
	])
}
