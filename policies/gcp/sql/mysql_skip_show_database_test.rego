package iac_guard.gcp.sql.mysql_skip_show_database_test

import data.iac_guard.gcp.sql.mysql_skip_show_database
import data.iac_guard.testing
import rego.v1

test_wrong_value_is_denied if {
	mysql_skip_show_database.deny == {{
		"msg": "MySQL instance google_sql_database_instance.db: skip_show_database is off",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "other", "value": "on"}, {"name": "skip_show_database", "value": "OFF"}]}]})])
}

test_missing_flag_is_denied if {
	testing.located(mysql_skip_show_database.deny) == {
		["google_sql_database_instance.a", "settings.0.database_flags"],
		["google_sql_database_instance.b", "settings.0.database_flags"],
	} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "other", "value": "on"}]}]}),
	])
}

test_right_value_other_engine_or_unknown_passes if {
	count(mysql_skip_show_database.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "skip_show_database", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "skip_show_database", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": testing.unknown("var.flags")}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": testing.unknown("each.key"), "value": "x"}]}]}),
		testing.tf_resource("google_sql_database_instance", "f", {"database_version": "MYSQL_8_0", "settings": testing.unknown("local.settings")}),
	])
}
