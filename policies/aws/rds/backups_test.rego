package iac_guard.aws.rds.backups_test

import data.iac_guard.aws.rds.backups
import data.iac_guard.testing
import rego.v1

test_zero_retention_is_denied if {
	backups.deny == {{
		"msg": "RDS instance aws_db_instance.db keeps no automated backups (backup_retention_period = 0)",
		"resource": "aws_db_instance.db",
		"file": "main.tf",
		"attribute": "backup_retention_period",
	}} with input as testing.tf([testing.tf_resource("aws_db_instance", "db", {"backup_retention_period": 0})])
}

test_retention_default_unknown_and_replicas_pass if {
	count(backups.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "a", {"backup_retention_period": 7}),
		testing.tf_resource("aws_db_instance", "b", {}),
		testing.tf_resource("aws_db_instance", "c", {"backup_retention_period": testing.unknown("var.days")}),
		testing.tf_resource("aws_db_instance", "replica", {"backup_retention_period": 0, "replicate_source_db": testing.unknown("aws_db_instance.a.identifier")}),
	])
}

test_cloudformation_zero_retention_is_denied if {
	testing.located(backups.deny) == {["Db", "BackupRetentionPeriod"]} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"BackupRetentionPeriod": "0"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Kept", {"BackupRetentionPeriod": 14}),
	])
}

test_empty_source_is_not_a_replica if {
	testing.addresses(backups.deny) == {"aws_db_instance.empty_source", "aws_db_instance.string_zero"} with input as testing.tf([
		testing.tf_resource("aws_db_instance", "empty_source", {"backup_retention_period": 0, "replicate_source_db": ""}),
		testing.tf_resource("aws_db_instance", "string_zero", {"backup_retention_period": "0"}),
		testing.tf_resource("aws_db_instance", "replica", {"backup_retention_period": 0, "replicate_source_db": testing.unknown("aws_db_instance.main.identifier")}),
		testing.tf_resource("aws_db_instance", "kept", {"backup_retention_period": 7}),
	])
}

test_cloudformation_empty_source if {
	testing.addresses(backups.deny) == {"Empty"} with input as testing.cfn([
		testing.cfn_resource("AWS::RDS::DBInstance", "Empty", {"BackupRetentionPeriod": "0", "SourceDBInstanceIdentifier": ""}),
		testing.cfn_resource("AWS::RDS::DBInstance", "Replica", {"BackupRetentionPeriod": 0, "SourceDBInstanceIdentifier": {"Ref": "Main"}}),
	])
}
