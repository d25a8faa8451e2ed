package iac_guard.aws.docdb.backup_retention_test

import data.iac_guard.aws.docdb.backup_retention
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	backup_retention.deny == {{
		"msg": "DocumentDB cluster aws_docdb_cluster.main keeps backups for less than 7 days",
		"resource": "aws_docdb_cluster.main",
		"file": "main.tf",
		"attribute": "backup_retention_period",
	}} with input as testing.tf([testing.tf_resource("aws_docdb_cluster", "main", {})])
}

test_terraform_forms if {
	testing.addresses(backup_retention.deny) == {"aws_docdb_cluster.one", "aws_docdb_cluster.quoted"} with input as testing.tf([
		testing.tf_resource("aws_docdb_cluster", "one", {"backup_retention_period": 1}),
		testing.tf_resource("aws_docdb_cluster", "quoted", {"backup_retention_period": "6"}),
		testing.tf_resource("aws_docdb_cluster", "week", {"backup_retention_period": 7}),
		testing.tf_resource("aws_docdb_cluster", "month", {"backup_retention_period": "35"}),
		testing.tf_resource("aws_docdb_cluster", "var", {"backup_retention_period": testing.unknown("var.days")}),
	])
}

test_cloudformation_forms if {
	testing.located(backup_retention.deny) == {["Missing", "BackupRetentionPeriod"], ["Short", "BackupRetentionPeriod"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DocDB::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Short", {"BackupRetentionPeriod": "3"}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Week", {"BackupRetentionPeriod": 7}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Param", {"BackupRetentionPeriod": {"Ref": "Days"}}),
	])
}
