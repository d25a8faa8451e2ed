# METADATA
# title: Neptune cluster does not export audit logs
# description: >-
#   Without the audit log export, the queries run against the graph and the clients
#   that ran them are not kept in CloudWatch Logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html
# custom:
#   id: IAC-AWS-NEPTUNE-002
#   severity: low
#   remediation: >-
#     Terraform: add "audit" to `enable_cloudwatch_logs_exports` on the
#     `aws_neptune_cluster` and set `neptune_enable_audit_log = 1` in its
#     `aws_neptune_cluster_parameter_group`. CloudFormation: add `audit` to
#     `EnableCloudwatchLogsExports` on the `AWS::Neptune::DBCluster`.
#   frameworks: [AWS-FSBP-Neptune.2]
#   forms:
#     - 'Terraform `aws_neptune_cluster.enable_cloudwatch_logs_exports` (note: `enable_`, not `enabled_`): absent, null, [] or a list without "audit"'
#     - 'CloudFormation `AWS::Neptune::DBCluster` `EnableCloudwatchLogsExports`: absent, [] or without audit'
#   not_flagged:
#     - 'An unknown list or list element.'
#     - 'The `neptune_enable_audit_log` cluster parameter, which must also be on, is not checked.'
package iac_guard.aws.neptune.audit_logs

import data.iac_guard.lib
import rego.v1

# The list holds the log type, or could (an unknown list or element).
exports(values, key) if "audit" in lib.items(values[key])

exports(values, key) if lib.is_unknown(values[key])

exports(values, key) if {
	some v in lib.items(values[key])
	lib.is_unknown(v)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_neptune_cluster")
	not exports(r.values, "enable_cloudwatch_logs_exports")
	result := lib.finding(r, sprintf("Neptune cluster %s does not export audit logs to CloudWatch Logs", [r.address]), "enable_cloudwatch_logs_exports")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Neptune::DBCluster")
	not exports(r.values, "EnableCloudwatchLogsExports")
	result := lib.finding(r, sprintf("Neptune cluster %s does not export audit logs to CloudWatch Logs", [r.address]), "EnableCloudwatchLogsExports")
}
