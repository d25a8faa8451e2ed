# METADATA
# title: MSK cluster does not deliver broker logs
# description: >-
#   Without broker logs (to CloudWatch Logs, Firehose or S3) authentication failures,
#   authorizer denials and broker errors are not kept anywhere you can search.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html
# custom:
#   id: IAC-AWS-MSK-004
#   severity: low
#   remediation: >-
#     Terraform: set `logging_info { broker_logs { cloudwatch_logs { enabled = true,
#     log_group = ... } } }` (or `firehose` / `s3`) on the `aws_msk_cluster`.
#     CloudFormation: set `LoggingInfo.BrokerLogs.CloudWatchLogs.Enabled: true` (or
#     `Firehose` / `S3`) on the `AWS::MSK::Cluster`.
#   forms:
#     - 'Terraform `aws_msk_cluster`: `logging_info` absent, or `broker_logs` with none of `cloudwatch_logs`, `firehose`, `s3` enabled (absent, false or "false")'
#     - 'CloudFormation `AWS::MSK::Cluster`: `LoggingInfo` absent, or `LoggingInfo.BrokerLogs` with none of `CloudWatchLogs`, `Firehose`, `S3` enabled'
#   not_flagged:
#     - Unknown blocks or `enabled` values, which may deliver logs.
package iac_guard.aws.msk.broker_logging

import data.iac_guard.lib
import rego.v1

tf_logged(values) if {
	broker_logs := lib.block(lib.block_or_empty(values, "logging_info"), "broker_logs")
	some target in ["cloudwatch_logs", "firehose", "s3"]
	enabled_or_unknown(broker_logs, target, "enabled")
}

tf_logged(values) if lib.is_unknown(values.logging_info)

tf_logged(values) if lib.is_unknown(lib.block(values, "logging_info").broker_logs)

enabled_or_unknown(logs, target, _) if lib.is_unknown(logs[target])

enabled_or_unknown(logs, target, key) if lib.is_true(lib.block(logs, target)[key])

enabled_or_unknown(logs, target, key) if lib.block_unknown(logs, target, key)

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	not tf_logged(r.values)
	result := lib.finding(r, sprintf("MSK cluster %s does not deliver broker logs", [r.address]), "logging_info")
}

cfn_logged(values) if {
	broker_logs := lib.block(lib.block_or_empty(values, "LoggingInfo"), "BrokerLogs")
	some target in ["CloudWatchLogs", "Firehose", "S3"]
	enabled_or_unknown(broker_logs, target, "Enabled")
}

cfn_logged(values) if lib.is_unknown(values.LoggingInfo)

cfn_logged(values) if lib.is_unknown(values.LoggingInfo.BrokerLogs)

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	not cfn_logged(r.values)
	result := lib.finding(r, sprintf("MSK cluster %s does not deliver broker logs", [r.address]), "LoggingInfo")
}
