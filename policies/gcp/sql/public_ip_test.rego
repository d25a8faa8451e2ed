package iac_guard.gcp.sql.public_ip_test

import data.iac_guard.gcp.sql.public_ip
import data.iac_guard.testing
import rego.v1

test_default_public_ip_is_denied if {
	public_ip.deny == {{
		"msg": "Cloud SQL instance google_sql_database_instance.db has a public IP address",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.ip_configuration.0.ipv4_enabled",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", {"settings": [{"tier": "db-f1-micro"}]})])
}

test_private_ip_passes if {
	count(public_ip.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", {"settings": [{"ip_configuration": [{"ipv4_enabled": false}]}]}),
		testing.tf_resource("google_sql_database_instance", "b", {"settings": [{"ip_configuration": [{"ipv4_enabled": testing.unknown("var.public")}]}]}),
	])
}

# One exposure, one rule: an instance whose public IP is open to every address is
# reported by IAC-GCP-SQL-001 at its authorized network, not here as well.
test_world_open_instance_is_left_to_authorized_networks if {
	testing.addresses(public_ip.deny) == {"google_sql_database_instance.public_office"} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "public_office", {"settings": [{"ip_configuration": [{"ipv4_enabled": true, "authorized_networks": [{"value": "203.0.113.0/24"}]}]}]}),
		testing.tf_resource("google_sql_database_instance", "public_world", {"settings": [{"ip_configuration": [{"authorized_networks": [{"value": "0.0.0.0/0"}]}]}]}),
	])
}
