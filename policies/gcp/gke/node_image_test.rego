package iac_guard.gcp.gke.node_image_test

import data.iac_guard.gcp.gke.node_image
import data.iac_guard.testing
import rego.v1

test_ubuntu_is_denied if {
	node_image.deny == {{
		"msg": "google_container_node_pool.p runs nodes on UBUNTU_CONTAINERD instead of Container-Optimized OS",
		"resource": "google_container_node_pool.p",
		"file": "main.tf",
		"attribute": "node_config.0.image_type",
	}} with input as testing.tf([testing.tf_resource("google_container_node_pool", "p", {"node_config": [{"image_type": "UBUNTU_CONTAINERD"}]})])
}

test_inline_and_default_pools_are_denied if {
	testing.located(node_image.deny) == {
		["google_container_cluster.a", "node_config.0.image_type"],
		["google_container_cluster.b", "node_pool.0.node_config.0.image_type"],
	} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"node_config": [{"image_type": "ubuntu"}]}),
		testing.tf_resource("google_container_cluster", "b", {"node_pool": [{"node_config": [{"image_type": "UBUNTU_CONTAINERD"}]}]}),
	])
}

test_cos_and_windows_pass if {
	count(node_image.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_node_pool", "a", {"node_config": [{"image_type": "COS_CONTAINERD"}]}),
		testing.tf_resource("google_container_node_pool", "b", {"node_config": [{"image_type": "cos_containerd"}]}),
		testing.tf_resource("google_container_node_pool", "c", {"node_config": [{"image_type": "WINDOWS_LTSC_CONTAINERD"}]}),
		testing.tf_resource("google_container_node_pool", "d", {"node_config": [{}]}),
		testing.tf_resource("google_container_node_pool", "e", {"node_config": [{"image_type": testing.unknown("var.image")}]}),
	])
}
