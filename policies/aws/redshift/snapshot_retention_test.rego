package iac_guard.aws.redshift.snapshot_retention_test

import data.iac_guard.aws.redshift.snapshot_retention
import data.iac_guard.testing
import rego.v1

cluster(name, values) := testing.tf_resource("aws_redshift_cluster", name, values)

test_default_retention_is_denied if {
	snapshot_retention.deny == {{
		"msg": "Redshift cluster aws_redshift_cluster.dw keeps automated snapshots for less than 7 days",
		"resource": "aws_redshift_cluster.dw",
		"file": "main.tf",
		"attribute": "automated_snapshot_retention_period",
	}} with input as testing.tf([cluster("dw", {})])
}

test_terraform_forms if {
	testing.addresses(snapshot_retention.deny) == {"aws_redshift_cluster.zero", "aws_redshift_cluster.quoted"} with input as testing.tf([
		cluster("zero", {"automated_snapshot_retention_period": 0}),
		cluster("quoted", {"automated_snapshot_retention_period": "3"}),
		cluster("week", {"automated_snapshot_retention_period": 7}),
		cluster("var", {"automated_snapshot_retention_period": testing.unknown("var.days")}),
	])
}

test_cloudformation_forms if {
	testing.located(snapshot_retention.deny) == {["Missing", "AutomatedSnapshotRetentionPeriod"], ["Zero", "AutomatedSnapshotRetentionPeriod"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Zero", {"AutomatedSnapshotRetentionPeriod": "0"}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Month", {"AutomatedSnapshotRetentionPeriod": 35}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Param", {"AutomatedSnapshotRetentionPeriod": {"Ref": "Days"}}),
	])
}
