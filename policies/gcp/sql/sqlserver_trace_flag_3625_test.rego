package iac_guard.gcp.sql.sqlserver_trace_flag_3625_test

import data.iac_guard.gcp.sql.sqlserver_trace_flag_3625
import data.iac_guard.testing
import rego.v1

test_wrong_value_is_denied if {
	sqlserver_trace_flag_3625.deny == {{
		"msg": "SQL Server instance google_sql_database_instance.db: trace flag 3625 is off",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "on"}, {"name": "3625", "value": "OFF"}]}]})])
}

test_missing_flag_is_denied if {
	testing.located(sqlserver_trace_flag_3625.deny) == {
		["google_sql_database_instance.a", "settings.0.database_flags"],
		["google_sql_database_instance.b", "settings.0.database_flags"],
	} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "other", "value": "on"}]}]}),
	])
}

test_right_value_other_engine_or_unknown_passes if {
	count(sqlserver_trace_flag_3625.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "3625", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "3625", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": testing.unknown("var.flags")}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": testing.unknown("each.key"), "value": "x"}]}]}),
		testing.tf_resource("google_sql_database_instance", "f", {"database_version": "SQLSERVER_2019_STANDARD", "settings": testing.unknown("local.settings")}),
	])
}
