package iac_guard.aws.docdb.audit_logs_test

import data.iac_guard.aws.docdb.audit_logs
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	audit_logs.deny == {{
		"msg": "DocumentDB cluster aws_docdb_cluster.main does not export audit logs to CloudWatch Logs",
		"resource": "aws_docdb_cluster.main",
		"file": "main.tf",
		"attribute": "enabled_cloudwatch_logs_exports",
	}} with input as testing.tf([testing.tf_resource("aws_docdb_cluster", "main", {})])
}

test_terraform_forms if {
	testing.addresses(audit_logs.deny) == {"aws_docdb_cluster.empty", "aws_docdb_cluster.other", "aws_docdb_cluster.null"} with input as testing.tf([
		testing.tf_resource("aws_docdb_cluster", "empty", {"enabled_cloudwatch_logs_exports": []}),
		testing.tf_resource("aws_docdb_cluster", "other", {"enabled_cloudwatch_logs_exports": ["profiler"]}),
		testing.tf_resource("aws_docdb_cluster", "null", {"enabled_cloudwatch_logs_exports": null}),
		testing.tf_resource("aws_docdb_cluster", "on", {"enabled_cloudwatch_logs_exports": ["profiler", "audit"]}),
		testing.tf_resource("aws_docdb_cluster", "var", {"enabled_cloudwatch_logs_exports": testing.unknown("var.logs")}),
		testing.tf_resource("aws_docdb_cluster", "element_var", {"enabled_cloudwatch_logs_exports": [testing.unknown("var.log")]}),
	])
}

test_cloudformation_forms if {
	testing.located(audit_logs.deny) == {["Missing", "EnableCloudwatchLogsExports"], ["Other", "EnableCloudwatchLogsExports"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DocDB::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Other", {"EnableCloudwatchLogsExports": ["profiler"]}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "On", {"EnableCloudwatchLogsExports": ["audit"]}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Param", {"EnableCloudwatchLogsExports": {"Ref": "Logs"}}),
	])
}
