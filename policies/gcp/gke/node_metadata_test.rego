package iac_guard.gcp.gke.node_metadata_test

import data.iac_guard.gcp.gke.node_metadata
import data.iac_guard.testing
import rego.v1

test_legacy_endpoints_are_denied if {
	node_metadata.deny == {{
		"msg": "google_container_node_pool.p re-enables the legacy metadata endpoints on its nodes",
		"resource": "google_container_node_pool.p",
		"file": "main.tf",
		"attribute": "node_config.0.metadata.disable-legacy-endpoints",
	}} with input as testing.tf([testing.tf_resource("google_container_node_pool", "p", {"node_config": [{"metadata": {"disable-legacy-endpoints": "false"}}]})])
}

test_every_pool_form_is_denied if {
	testing.located(node_metadata.deny) == {
		["google_container_cluster.default_pool", "node_config.0.metadata.disable-legacy-endpoints"],
		["google_container_cluster.inline", "node_pool.1.node_config.0.workload_metadata_config.0"],
		["google_container_node_pool.legacy", "node_config.0.workload_metadata_config.0"],
	} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "default_pool", {"node_config": [{"metadata": {"disable-legacy-endpoints": false}}]}),
		testing.tf_resource("google_container_cluster", "inline", {"node_pool": [{"name": "a"}, {"node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]}]}),
		testing.tf_resource("google_container_node_pool", "legacy", {"node_config": [{"workload_metadata_config": [{"node_metadata": "EXPOSE"}]}]}),
	])
}

test_concealed_metadata_passes if {
	count(node_metadata.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_node_pool", "a", {"node_config": [{"metadata": {"disable-legacy-endpoints": "true"}, "workload_metadata_config": [{"mode": "GKE_METADATA"}]}]}),
		testing.tf_resource("google_container_node_pool", "b", {"node_config": [{}]}),
		testing.tf_resource("google_container_node_pool", "c", {"node_config": [{"metadata": testing.unknown("var.md")}]}),
		# The default pool is removed: its node_config does not matter.
		testing.tf_resource("google_container_cluster", "d", {"remove_default_node_pool": true, "node_config": [{"metadata": {"disable-legacy-endpoints": "false"}}]}),
	])
}
