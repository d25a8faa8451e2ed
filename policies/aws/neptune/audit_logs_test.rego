package iac_guard.aws.neptune.audit_logs_test

import data.iac_guard.aws.neptune.audit_logs
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	audit_logs.deny == {{
		"msg": "Neptune cluster aws_neptune_cluster.main does not export audit logs to CloudWatch Logs",
		"resource": "aws_neptune_cluster.main",
		"file": "main.tf",
		"attribute": "enable_cloudwatch_logs_exports",
	}} with input as testing.tf([testing.tf_resource("aws_neptune_cluster", "main", {})])
}

test_terraform_forms if {
	testing.addresses(audit_logs.deny) == {"aws_neptune_cluster.empty", "aws_neptune_cluster.other", "aws_neptune_cluster.null"} with input as testing.tf([
		testing.tf_resource("aws_neptune_cluster", "empty", {"enable_cloudwatch_logs_exports": []}),
		testing.tf_resource("aws_neptune_cluster", "other", {"enable_cloudwatch_logs_exports": ["slowquery"]}),
		testing.tf_resource("aws_neptune_cluster", "null", {"enable_cloudwatch_logs_exports": null}),
		testing.tf_resource("aws_neptune_cluster", "on", {"enable_cloudwatch_logs_exports": ["slowquery", "audit"]}),
		testing.tf_resource("aws_neptune_cluster", "var", {"enable_cloudwatch_logs_exports": testing.unknown("var.logs")}),
		testing.tf_resource("aws_neptune_cluster", "element_var", {"enable_cloudwatch_logs_exports": [testing.unknown("var.log")]}),
	])
}

test_cloudformation_forms if {
	testing.located(audit_logs.deny) == {["Missing", "EnableCloudwatchLogsExports"], ["Other", "EnableCloudwatchLogsExports"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Neptune::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Other", {"EnableCloudwatchLogsExports": ["slowquery"]}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "On", {"EnableCloudwatchLogsExports": ["audit"]}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Param", {"EnableCloudwatchLogsExports": {"Ref": "Logs"}}),
	])
}
