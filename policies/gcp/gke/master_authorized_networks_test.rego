package iac_guard.gcp.gke.master_authorized_networks_test

import data.iac_guard.gcp.gke.master_authorized_networks
import data.iac_guard.testing
import rego.v1

test_world_cidr_is_denied if {
	master_authorized_networks.deny == {{
		"msg": "GKE cluster google_container_cluster.k authorizes 0.0.0.0/0 to reach its control plane",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "master_authorized_networks_config.0.cidr_blocks.1",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}, {"cidr_block": "0.0.0.0/0"}]}]})])
}

test_missing_config_is_denied if {
	testing.located(master_authorized_networks.deny) == {["google_container_cluster.k", "master_authorized_networks_config"]} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"private_cluster_config": [{"enable_private_nodes": true}]})])
}

test_restricted_or_private_endpoint_passes if {
	count(master_authorized_networks.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24"}]}]}),
		testing.tf_resource("google_container_cluster", "b", {"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]}),
		testing.tf_resource("google_container_cluster", "c", {"master_authorized_networks_config": testing.unknown("local.man")}),
		testing.tf_resource("google_container_cluster", "d", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": testing.unknown("var.cidr")}]}]}),
	])
}

test_google_cloud_public_cidrs_are_denied if {
	testing.located(master_authorized_networks.deny) == {["google_container_cluster.k", "master_authorized_networks_config.0.gcp_public_cidrs_access_enabled"]} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"master_authorized_networks_config": [{"gcp_public_cidrs_access_enabled": true, "cidr_blocks": [{"cidr_block": "203.0.113.0/24"}]}]})])
}

test_disabled_ip_endpoints_pass if {
	count(master_authorized_networks.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"control_plane_endpoints_config": [{"ip_endpoints_config": [{"enabled": false}]}]}),
		testing.tf_resource("google_container_cluster", "b", {"master_authorized_networks_config": [{"gcp_public_cidrs_access_enabled": false}]}),
	])
}

test_enabled_ip_endpoints_without_networks_are_denied if {
	testing.addresses(master_authorized_networks.deny) == {"google_container_cluster.a"} with input as testing.tf([testing.tf_resource("google_container_cluster", "a", {"control_plane_endpoints_config": [{"ip_endpoints_config": [{"enabled": true}]}]})])
}
