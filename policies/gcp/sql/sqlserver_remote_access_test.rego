package iac_guard.gcp.sql.sqlserver_remote_access_test

import data.iac_guard.gcp.sql.sqlserver_remote_access
import data.iac_guard.testing
import rego.v1

test_wrong_value_is_denied if {
	sqlserver_remote_access.deny == {{
		"msg": "SQL Server instance google_sql_database_instance.db: remote access is on",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "off"}, {"name": "remote access", "value": "ON"}]}]})])
}

test_missing_flag_is_denied if {
	testing.located(sqlserver_remote_access.deny) == {
		["google_sql_database_instance.a", "settings.0.database_flags"],
		["google_sql_database_instance.b", "settings.0.database_flags"],
	} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "on"}]}]}),
	])
}

test_right_value_other_engine_or_unknown_passes if {
	count(sqlserver_remote_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "remote access", "value": "off"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "remote access", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": testing.unknown("var.flags")}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": testing.unknown("each.key"), "value": "x"}]}]}),
		testing.tf_resource("google_sql_database_instance", "f", {"database_version": "SQLSERVER_2019_STANDARD", "settings": testing.unknown("local.settings")}),
	])
}
