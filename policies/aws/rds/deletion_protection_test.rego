package iac_guard.aws.rds.deletion_protection_test

import data.iac_guard.aws.rds.deletion_protection
import data.iac_guard.testing
import rego.v1

test_unprotected_cluster_is_denied if {
	deletion_protection.deny == {{
		"msg": "aws_rds_cluster.c has no deletion protection",
		"resource": "aws_rds_cluster.c",
		"file": "main.tf",
		"attribute": "deletion_protection",
	}} with input as testing.tf([testing.tf_resource("aws_rds_cluster", "c", {"deletion_protection": false})])
}

test_protected_or_unknown_pass if {
	count(deletion_protection.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "a", {"deletion_protection": true}),
		testing.tf_resource("aws_db_instance", "b", {"deletion_protection": testing.unknown("var.protect")}),
	])
}

test_cloudformation_unprotected_instance_is_denied if {
	testing.located(deletion_protection.deny) == {["Db", "DeletionProtection"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Db", {}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Cluster"}}),
		testing.cfn_resource("AWS::RDS::DBCluster", "Cluster", {"DeletionProtection": "true"}),
	])
}

# A cluster's own DBClusterIdentifier is its name, not membership of another cluster.
test_cloudformation_named_cluster_is_denied if {
	testing.located(deletion_protection.deny) == {["Named", "DeletionProtection"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBCluster", "Named", {"DBClusterIdentifier": "orders"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Named"}}),
	])
}

test_cloudformation_empty_cluster_identifier_is_no_cluster if {
	testing.addresses(deletion_protection.deny) == {"Standalone"} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Standalone", {"DBClusterIdentifier": "", "DeletionProtection": "false"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Cluster"}}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Protected", {"DeletionProtection": "true"}),
	])
}
