package iac_guard.gcp.sql.require_ssl_test

import data.iac_guard.gcp.sql.require_ssl
import data.iac_guard.testing
import rego.v1

test_optional_ssl_is_denied if {
	require_ssl.deny == {{
		"msg": "Cloud SQL instance google_sql_database_instance.db does not require SSL/TLS connections",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.ip_configuration",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"ipv4_enabled": false, "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}]}]})])
}

test_required_ssl_passes if {
	count(require_ssl.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"settings": [{"ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"settings": [{"ip_configuration": [{"require_ssl": true}]}]}),
		testing.tf_resource("google_sql_database_instance", "c", {"settings": [{"ip_configuration": testing.unknown("local.ip")}]}),
	])
}

test_missing_ip_configuration_is_denied if {
	testing.addresses(require_ssl.deny) == {"google_sql_database_instance.db"} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"settings": [{"tier": "db-f1-micro"}]})])
}
