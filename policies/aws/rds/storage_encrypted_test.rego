package iac_guard.aws.rds.storage_encrypted_test

import data.iac_guard.aws.rds.storage_encrypted
import data.iac_guard.testing
import rego.v1

test_unencrypted_instance_is_denied if {
	storage_encrypted.deny == {{
		"msg": "aws_db_instance.db does not encrypt its storage",
		"resource": "aws_db_instance.db",
		"file": "main.tf",
		"attribute": "storage_encrypted",
	}} with input as testing.tf([testing.tf_resource("aws_db_instance", "db", {"engine": "postgres"})])
}

test_encrypted_unknown_and_serverless_pass if {
	count(storage_encrypted.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "a", {"storage_encrypted": true}),
		testing.tf_resource("aws_rds_cluster", "b", {"storage_encrypted": testing.unknown("var.encrypt")}),
		testing.tf_resource("aws_rds_cluster", "c", {"engine_mode": "serverless"}),
	])
}

test_cloudformation_unencrypted_storage_is_denied if {
	testing.located(storage_encrypted.deny) == {["Cluster", "StorageEncrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBCluster", "Cluster", {"StorageEncrypted": "false"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Cluster"}}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Encrypted", {"StorageEncrypted": true}),
	])
}

# A cluster's own DBClusterIdentifier is its name, not membership of another cluster.
test_cloudformation_named_cluster_is_denied_and_serverless_passes if {
	testing.located(storage_encrypted.deny) == {["Named", "StorageEncrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBCluster", "Named", {"DBClusterIdentifier": "orders", "Engine": "aurora-postgresql"}),
		testing.cfn_resource("AWS::RDS::DBCluster", "Serverless", {"DBClusterIdentifier": "jobs", "EngineMode": "serverless"}),
		testing.cfn_resource("AWS::RDS::DBCluster", "Chosen", {"EngineMode": {"Ref": "Mode"}}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": {"Ref": "Named"}}),
	])
}
