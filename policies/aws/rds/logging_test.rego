package iac_guard.aws.rds.logging_test

import data.iac_guard.aws.rds.logging
import data.iac_guard.testing
import rego.v1

test_instance_without_log_exports_is_denied if {
	logging.deny == {{
		"msg": "aws_db_instance.db exports no logs to CloudWatch Logs",
		"resource": "aws_db_instance.db",
		"file": "main.tf",
		"attribute": "enabled_cloudwatch_logs_exports",
	}} with input as testing.tf([testing.tf_resource("aws_db_instance", "db", {"enabled_cloudwatch_logs_exports": []})])
}

test_exports_or_unknown_pass if {
	count(logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "a", {"enabled_cloudwatch_logs_exports": ["postgresql"]}),
		testing.tf_resource("aws_rds_cluster", "b", {"enabled_cloudwatch_logs_exports": testing.unknown("var.logs")}),
	])
}

test_cloudformation_instance_without_exports_is_denied if {
	testing.located(logging.deny) == {["Db", "EnableCloudwatchLogsExports"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Db", {}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Logged", {"EnableCloudwatchLogsExports": ["error"]}),
	])
}

# A cluster's own DBClusterIdentifier is its name, not membership of another cluster.
test_cloudformation_named_cluster_is_denied if {
	testing.located(logging.deny) == {["Named", "EnableCloudwatchLogsExports"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBCluster", "Named", {"DBClusterIdentifier": "orders"}),
		testing.cfn_resource("AWS::RDS::DBCluster", "Exported", {"DBClusterIdentifier": "jobs", "EnableCloudwatchLogsExports": ["postgresql"]}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Named"}}),
	])
}
