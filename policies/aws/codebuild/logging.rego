# METADATA
# title: CodeBuild project keeps no build logs
# description: >-
#   With CloudWatch Logs turned off and no S3 logs, a build leaves no record of what it
#   ran: a tampered build script or a leaked secret cannot be traced afterwards.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_LogsConfig.html
# custom:
#   id: IAC-AWS-CODEBUILD-005
#   severity: medium
#   remediation: >-
#     Keep `logs_config { cloudwatch_logs { status = "ENABLED" } }` (the default) or set
#     `s3_logs { status = "ENABLED" }` on the `aws_codebuild_project` (CloudFormation
#     `LogsConfig.CloudWatchLogs.Status` / `LogsConfig.S3Logs.Status`).
#   frameworks: [AWS-FSBP-CodeBuild.4]
#   forms:
#     - 'Terraform `logs_config { cloudwatch_logs { status } s3_logs { status } }`; CloudFormation `LogsConfig.CloudWatchLogs.Status`, `LogsConfig.S3Logs.Status`'
#     - 'CloudWatch Logs are on unless their status is DISABLED; S3 logs are off unless ENABLED'
#   not_flagged:
#     - 'Projects without `logs_config` (CloudWatch Logs are on by default)'
#     - 'Statuses that cannot be resolved'
package iac_guard.aws.codebuild.logging

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	config := lib.block(r.values, "logs_config")
	lib.lowercase(lib.block(config, "cloudwatch_logs").status) == "disabled"
	s3 := lib.block_or_empty(config, "s3_logs")
	not lib.is_unknown(config.s3_logs)
	off(s3, "status")
	result := lib.finding(r, sprintf("CodeBuild project %s keeps no build logs", [r.address]), "logs_config.0.cloudwatch_logs.0.status")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	config := r.values.LogsConfig
	lib.lowercase(config.CloudWatchLogs.Status) == "disabled"
	not lib.is_unknown(config.S3Logs)
	off(object.get(config, "S3Logs", {}), "Status")
	result := lib.finding(r, sprintf("CodeBuild project %s keeps no build logs", [r.address]), "LogsConfig.CloudWatchLogs.Status")
}

off(s3, key) if not lib.has_key(s3, key)

off(s3, key) if s3[key] == null

off(s3, key) if lib.lowercase(s3[key]) == "disabled"
