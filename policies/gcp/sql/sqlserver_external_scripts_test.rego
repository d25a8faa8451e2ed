package iac_guard.gcp.sql.sqlserver_external_scripts_test

import data.iac_guard.gcp.sql.sqlserver_external_scripts
import data.iac_guard.testing
import rego.v1

test_flag_on_is_denied if {
	sqlserver_external_scripts.deny == {{
		"msg": "SQL Server instance google_sql_database_instance.db turns on external scripts enabled",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "on"}, {"name": "external scripts enabled", "value": "on"}]}]})])
}

test_other_truthy_spellings_are_denied if {
	testing.addresses(sqlserver_external_scripts.deny) == {"google_sql_database_instance.a", "google_sql_database_instance.b"} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": "ON"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": "true"}]}]}),
	])
}

test_off_missing_or_other_engine_passes if {
	count(sqlserver_external_scripts.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": "off"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "SQLSERVER_2019_STANDARD", "settings": testing.unknown("local.settings")}),
	])
}
