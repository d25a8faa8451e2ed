package iac_guard.gcp.gke.secure_boot_test

import data.iac_guard.gcp.gke.secure_boot
import data.iac_guard.testing
import rego.v1

test_pool_without_secure_boot_is_denied if {
	secure_boot.deny == {{
		"msg": "google_container_node_pool.p runs nodes without Secure Boot",
		"resource": "google_container_node_pool.p",
		"file": "main.tf",
		"attribute": "node_config.0.shielded_instance_config.0.enable_secure_boot",
	}} with input as testing.tf([testing.tf_resource("google_container_node_pool", "p", {"node_config": [{"machine_type": "e2-standard-4"}]})])
}

test_every_pool_form_is_denied if {
	testing.located(secure_boot.deny) == {
		["google_container_cluster.default_pool", "node_config.0.shielded_instance_config.0.enable_secure_boot"],
		["google_container_cluster.inline", "node_pool.0.node_config.0.shielded_instance_config.0.enable_integrity_monitoring"],
		["google_container_node_pool.off", "node_config.0.shielded_instance_config.0.enable_secure_boot"],
	} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "default_pool", {}),
		testing.tf_resource("google_container_cluster", "inline", {"node_pool": [{"node_config": [{"shielded_instance_config": [{"enable_secure_boot": true, "enable_integrity_monitoring": false}]}]}]}),
		testing.tf_resource("google_container_node_pool", "off", {"node_config": [{"shielded_instance_config": [{"enable_secure_boot": false}]}]}),
	])
}

test_secure_boot_passes if {
	count(secure_boot.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_node_pool", "a", {"node_config": [{"shielded_instance_config": [{"enable_secure_boot": true}]}]}),
		testing.tf_resource("google_container_node_pool", "b", {"node_config": [{"shielded_instance_config": testing.unknown("local.shielded")}]}),
		testing.tf_resource("google_container_node_pool", "c", {"node_config": [{"shielded_instance_config": [{"enable_secure_boot": testing.unknown("var.sb")}]}]}),
		testing.tf_resource("google_container_cluster", "autopilot", {"enable_autopilot": true}),
		testing.tf_resource("google_container_cluster", "removed", {"remove_default_node_pool": true}),
	])
}
