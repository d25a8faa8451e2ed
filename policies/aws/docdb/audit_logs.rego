# METADATA
# title: DocumentDB cluster does not export audit logs
# description: >-
#   Without the audit log export, authentication attempts, user management and data
#   definition events of the cluster are not kept in CloudWatch Logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
# custom:
#   id: IAC-AWS-DOCDB-002
#   severity: low
#   remediation: >-
#     Terraform: add "audit" to `enabled_cloudwatch_logs_exports` on the
#     `aws_docdb_cluster` and set the `audit_logs` parameter to `enabled` in its
#     `aws_docdb_cluster_parameter_group`. CloudFormation: add `audit` to
#     `EnableCloudwatchLogsExports` on the `AWS::DocDB::DBCluster` and set
#     `audit_logs: enabled` in the `AWS::DocDB::DBClusterParameterGroup`.
#   frameworks: [AWS-FSBP-DocumentDB.4]
#   forms:
#     - 'Terraform `aws_docdb_cluster.enabled_cloudwatch_logs_exports`: absent, null, [] or a list without "audit"'
#     - 'CloudFormation `AWS::DocDB::DBCluster` `EnableCloudwatchLogsExports`: absent, [] or without audit'
#   not_flagged:
#     - 'An unknown list or list element.'
#     - 'The `audit_logs` cluster parameter, which must also be enabled for events to be written, is not checked.'
package iac_guard.aws.docdb.audit_logs

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
	some r in lib.managed("aws_docdb_cluster")
	not exports(r.values, "enabled_cloudwatch_logs_exports")
	result := lib.finding(r, sprintf("DocumentDB cluster %s does not export audit logs to CloudWatch Logs", [r.address]), "enabled_cloudwatch_logs_exports")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DocDB::DBCluster")
	not exports(r.values, "EnableCloudwatchLogsExports")
	result := lib.finding(r, sprintf("DocumentDB cluster %s does not export audit logs to CloudWatch Logs", [r.address]), "EnableCloudwatchLogsExports")
}
