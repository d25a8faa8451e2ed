package iac_guard.gcp.sql.postgres_statement_logging_test

import data.iac_guard.gcp.sql.postgres_statement_logging
import data.iac_guard.testing
import rego.v1

test_statement_logging_is_denied if {
	postgres_statement_logging.deny == {{
		"msg": "PostgreSQL instance google_sql_database_instance.db logs statements slower than 250 ms",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.database_flags.0",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_min_duration_statement", "value": "250"}]}]})])
}

test_every_statement_is_denied if {
	testing.addresses(postgres_statement_logging.deny) == {"google_sql_database_instance.db"} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"database_version": "POSTGRES_14", "settings": [{"database_flags": [{"name": "log_connections", "value": "on"}, {"name": "log_min_duration_statement", "value": "0"}]}]})])
}

test_disabled_or_default_passes if {
	count(postgres_statement_logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_min_duration_statement", "value": "-1"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_min_duration_statement", "value": testing.unknown("var.threshold")}]}]}),
		testing.tf_resource("google_sql_database_instance", "d", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "log_min_duration_statement", "value": "5"}]}]}),
	])
}
