package iac_guard.gcp.gke.private_nodes_test

import data.iac_guard.gcp.gke.private_nodes
import data.iac_guard.testing
import rego.v1

test_public_nodes_are_denied if {
	private_nodes.deny == {{
		"msg": "GKE cluster google_container_cluster.k does not use private nodes",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "private_cluster_config.0.enable_private_nodes",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"private_cluster_config": [{"enable_private_nodes": false}]})])
}

test_missing_block_is_denied if {
	testing.addresses(private_nodes.deny) == {"google_container_cluster.a", "google_container_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"enable_autopilot": true, "private_cluster_config": [{"enable_private_endpoint": false}]}),
	])
}

test_private_nodes_pass if {
	count(private_nodes.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"private_cluster_config": [{"enable_private_nodes": true}]}),
		testing.tf_resource("google_container_cluster", "b", {"private_cluster_config": testing.unknown("local.private")}),
		testing.tf_resource("google_container_cluster", "c", {"private_cluster_config": [{"enable_private_nodes": testing.unknown("var.p")}]}),
	])
}
