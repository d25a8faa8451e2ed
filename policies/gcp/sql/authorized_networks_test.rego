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

test_world_forms_on_a_public_instance_only if {
	testing.located(authorized_networks.deny) == {
		["google_sql_database_instance.host_bits", "settings.0.ip_configuration.0.authorized_networks.0"],
		["google_sql_database_instance.v6", "settings.0.ip_configuration.0.authorized_networks.0"],
		["google_sql_database_instance.explicit_public", "settings.0.ip_configuration.0.authorized_networks.0"],
	} with input as testing.tf([
		testing.tf_resource("google_sql_database_instance", "host_bits", instance([{"value": "10.1.2.3/0"}])),
		testing.tf_resource("google_sql_database_instance", "v6", instance([{"value": "::/0"}])),
		testing.tf_resource("google_sql_database_instance", "explicit_public", {"settings": [{"ip_configuration": [{"ipv4_enabled": true, "authorized_networks": [{"value": "0.0.0.0/0"}]}]}]}),
		testing.tf_resource("google_sql_database_instance", "private_only", {"settings": [{"ip_configuration": [{"ipv4_enabled": false, "private_network": "projects/p/global/networks/n", "authorized_networks": [{"value": "0.0.0.0/0"}]}]}]}),
	])
}
