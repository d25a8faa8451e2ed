package iac_guard.gcp.sql.mysql_local_infile_test

import data.iac_guard.gcp.sql.mysql_local_infile
import data.iac_guard.testing
import rego.v1

test_flag_on_is_denied if {
	mysql_local_infile.deny == {{
		"msg": "MySQL instance google_sql_database_instance.db turns on local_infile",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "other", "value": "on"}, {"name": "local_infile", "value": "on"}]}]})])
}

test_other_truthy_spellings_are_denied if {
	testing.addresses(mysql_local_infile.deny) == {"google_sql_database_instance.a", "google_sql_database_instance.b"} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "local_infile", "value": "ON"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "local_infile", "value": "true"}]}]}),
	])
}

test_off_missing_or_other_engine_passes if {
	count(mysql_local_infile.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "local_infile", "value": "off"}]}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "local_infile", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "local_infile", "value": testing.unknown("var.v")}]}]}),
		testing.tf_resource("google_sql_database_instance", "e", {"database_version": "MYSQL_8_0", "settings": testing.unknown("local.settings")}),
	])
}

test_missing_flag_is_denied if {
	testing.located(mysql_local_infile.deny) == {
		["google_sql_database_instance.a", "settings.0.database_flags"],
		["google_sql_database_instance.b", "settings.0.database_flags"],
	} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-custom-2-7680"}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "MYSQL_5_7", "settings": [{"database_flags": [{"name": "slow_query_log", "value": "on"}]}]}),
	])
}

test_unknown_flags_pass if {
	count(mysql_local_infile.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": testing.unknown("var.flags")}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": testing.unknown("each.key"), "value": "off"}]}]}),
	])
}
