package iac_guard.gcp.gke.node_management_test

import data.iac_guard.gcp.gke.node_management
import data.iac_guard.testing
import rego.v1

test_auto_upgrade_off_is_denied if {
	node_management.deny == {{
		"msg": "google_container_node_pool.p turns off node auto-upgrade",
		"resource": "google_container_node_pool.p",
		"file": "main.tf",
		"attribute": "management.0.auto_upgrade",
	}} with input as testing.tf([testing.tf_resource("google_container_node_pool", "p", {"management": [{"auto_repair": true, "auto_upgrade": false}]})])
}

test_inline_pool_is_denied if {
	testing.located(node_management.deny) == {["google_container_cluster.k", "node_pool.0.management.0.auto_repair"]} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"node_pool": [{"management": [{"auto_repair": "false"}]}]})])
}

test_default_management_passes if {
	count(node_management.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_node_pool", "a", {}),
		testing.tf_resource("google_container_node_pool", "b", {"management": [{"auto_repair": true, "auto_upgrade": true}]}),
		testing.tf_resource("google_container_node_pool", "c", {"management": [{"auto_upgrade": testing.unknown("var.up")}]}),
	])
}
