# METADATA
# title: CodeBuild project writes unencrypted S3 logs
# description: >-
#   Build logs hold command lines, environment dumps and test output, often with tokens
#   and internal hostnames. With `encryption_disabled` on S3 logs they are stored in clear
#   text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_S3LogsConfig.html
# custom:
#   id: IAC-AWS-CODEBUILD-004
#   severity: medium
#   remediation: >-
#     Remove `encryption_disabled = true` from `logs_config { s3_logs { ... } }` of the
#     `aws_codebuild_project` (CloudFormation `LogsConfig.S3Logs.EncryptionDisabled`).
#   frameworks: [AWS-FSBP-CodeBuild.3]
#   forms:
#     - 'Terraform `logs_config { s3_logs { encryption_disabled } }`; CloudFormation `LogsConfig.S3Logs.EncryptionDisabled` (boolean or "true")'
#   not_flagged:
#     - 'S3 logs whose `status` is DISABLED (the default): nothing is written'
#     - 'Values that cannot be resolved'
package iac_guard.aws.codebuild.s3_logs_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	logs := lib.block(lib.block(r.values, "logs_config"), "s3_logs")
	lib.lowercase(logs.status) == "enabled"
	lib.is_true(logs.encryption_disabled)
	result := lib.finding(r, sprintf("CodeBuild project %s writes unencrypted S3 logs", [r.address]), "logs_config.0.s3_logs.0.encryption_disabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	logs := r.values.LogsConfig.S3Logs
	lib.lowercase(logs.Status) == "enabled"
	lib.is_true(logs.EncryptionDisabled)
	result := lib.finding(r, sprintf("CodeBuild project %s writes unencrypted S3 logs", [r.address]), "LogsConfig.S3Logs.EncryptionDisabled")
}
