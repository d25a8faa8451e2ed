# METADATA
# title: RDS database does not export its logs
# description: >-
#   Without log exports to CloudWatch Logs (error, audit, general, slow-query or
#   postgresql logs), failed logins and suspicious queries leave no trace outside the
#   instance. Instances that belong to a cluster are judged on the cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
# custom:
#   id: IAC-AWS-RDS-005
#   severity: low
#   remediation: >-
#     Set `enabled_cloudwatch_logs_exports` (CloudFormation `EnableCloudwatchLogsExports`)
#     to the engine's logs, e.g. `["postgresql"]` or `["audit", "error", "general",
#     "slowquery"]`.
#   forms:
#     - >-
#       `enabled_cloudwatch_logs_exports` absent, null or []; CloudFormation
#       `EnableCloudwatchLogsExports`
#   not_flagged:
#     - >-
#       which log types are exported: any export passes
#     - >-
#       instances of an Aurora cluster (the cluster exports)
package iac_guard.aws.rds.logging

import data.iac_guard.lib
import rego.v1

no_exports(values, key) if not lib.has_key(values, key)

no_exports(values, key) if values[key] == []

no_exports(values, key) if values[key] == null

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_db_instance", "aws_rds_cluster"]
	some r in lib.managed(rtype)
	no_exports(r.values, "enabled_cloudwatch_logs_exports")
	result := lib.finding(r, sprintf("%s exports no logs to CloudWatch Logs", [r.address]), "enabled_cloudwatch_logs_exports")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(rtype)
	no_exports(r.values, "EnableCloudwatchLogsExports")
	not lib.rds_cluster_member(r)
	result := lib.finding(r, sprintf("%s exports no logs to CloudWatch Logs", [r.address]), "EnableCloudwatchLogsExports")
}
