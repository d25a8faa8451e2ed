package iac_guard.gcp.sql.postgres_logging_test

import data.iac_guard.gcp.sql.postgres_logging
import data.iac_guard.testing
import rego.v1

test_missing_flags_are_denied if {
	postgres_logging.deny == {{
		"msg": "PostgreSQL instance google_sql_database_instance.db does not set log_disconnections to on",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "on"}]}]})])
}

test_logging_flags_or_other_engines_pass if {
	count(postgres_logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "pg", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "on"}, {"name": "log_disconnections", "value": "on"}]}]}),
		testing.tf_resource("google_sql_database_instance", "mysql", {"database_version": "MYSQL_8_0", "settings": [{}]}),
		testing.tf_resource("google_sql_database_instance", "dynamic", {"database_version": "POSTGRES_15", "settings": [{"database_flags": testing.unknown("local.flags")}]}),
	])
}
