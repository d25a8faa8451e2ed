package iac_guard.gcp.gke.shielded_nodes_test

import data.iac_guard.gcp.gke.shielded_nodes
import data.iac_guard.testing
import rego.v1

test_disabled_shielded_nodes_are_denied if {
	shielded_nodes.deny == {{
		"msg": "GKE cluster google_container_cluster.k disables Shielded GKE Nodes",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "enable_shielded_nodes",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"enable_shielded_nodes": "false"})])
}

test_default_or_enabled_passes if {
	count(shielded_nodes.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"enable_shielded_nodes": true}),
		testing.tf_resource("google_container_cluster", "c", {"enable_shielded_nodes": testing.unknown("var.s")}),
	])
}
