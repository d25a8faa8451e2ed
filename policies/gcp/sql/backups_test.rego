package iac_guard.gcp.sql.backups_test

import data.iac_guard.gcp.sql.backups
import data.iac_guard.testing
import rego.v1

test_missing_backups_are_denied if {
	backups.deny == {{
		"msg": "Cloud SQL instance google_sql_database_instance.db has automated backups disabled",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.backup_configuration.0.enabled",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"settings": [{"tier": "db-f1-micro"}]})])
}

test_disabled_backups_are_denied if {
	testing.addresses(backups.deny) == {"google_sql_database_instance.a", "google_sql_database_instance.b"} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"settings": [{"backup_configuration": [{"enabled": false}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"settings": [{"backup_configuration": [{"start_time": "03:00"}]}]}),
	])
}

test_backups_or_replicas_pass if {
	count(backups.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"settings": [{"backup_configuration": [{"enabled": true}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"master_instance_name": "primary", "settings": [{"tier": "db-f1-micro"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"replica_configuration": [{"failover_target": false}], "settings": [{}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"settings": [{"backup_configuration": [{"enabled": testing.unknown("var.backups")}]}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"settings": testing.unknown("local.settings")}),
	])
}
