package iac_guard.gcp.sql.sqlserver_contained_db_auth_test

import data.iac_guard.gcp.sql.sqlserver_contained_db_auth
import data.iac_guard.testing
import rego.v1

test_flag_on_is_denied if {
	sqlserver_contained_db_auth.deny == {{
		"msg": "SQL Server instance google_sql_database_instance.db turns on contained database authentication",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "on"}, {"name": "contained database authentication", "value": "on"}]}]})])
}

test_other_truthy_spellings_are_denied if {
	testing.addresses(sqlserver_contained_db_auth.deny) == {"google_sql_database_instance.a", "google_sql_database_instance.b"} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "contained database authentication", "value": "ON"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "contained database authentication", "value": "true"}]}]}),
	])
}

test_off_missing_or_other_engine_passes if {
	count(sqlserver_contained_db_auth.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "contained database authentication", "value": "off"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "contained database authentication", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "contained database authentication", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "SQLSERVER_2019_STANDARD", "settings": testing.unknown("local.settings")}),
	])
}
