package iac_guard.gcp.sql.authorized_networks_test

import data.iac_guard.gcp.sql.authorized_networks
import data.iac_guard.testing
import rego.v1

instance(networks) := {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro", "ip_configuration": [{"authorized_networks": networks}]}]}

test_world_network_is_denied if {
	authorized_networks.deny == {{
		"msg": "Cloud SQL instance google_sql_database_instance.db authorizes 0.0.0.0/0",
		"resource": "google_sql_database_instance.db",
		"file": "main.tf",
		"attribute": "settings.0.ip_configuration.0.authorized_networks.1",
	}} with input as testing.tf([testing.tf_resource("google_sql_database_instance", "db", instance([
		{"name": "office", "value": "203.0.113.0/24"},
		{"name": "all", "value": "0.0.0.0/0"},
	]))])
}

test_known_networks_pass if {
	count(authorized_networks.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "a", instance([{"name": "office", "value": "203.0.113.0/24"}])),
		testing.tf_resource("google_sql_database_instance", "b", instance(testing.unknown("var.networks"))),
	])
}
