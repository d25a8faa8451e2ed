package iac_guard.gcp.gke.network_policy_test

import data.iac_guard.gcp.gke.network_policy
import data.iac_guard.testing
import rego.v1

test_disabled_network_policy_is_denied if {
	network_policy.deny == {{
		"msg": "GKE cluster google_container_cluster.k does not enforce network policies",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "network_policy.0.enabled",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"network_policy": [{"enabled": false}]})])
}

test_missing_and_legacy_datapath_are_denied if {
	testing.addresses(network_policy.deny) == {"google_container_cluster.a", "google_container_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"datapath_provider": "LEGACY_DATAPATH"}),
	])
}

test_enforced_or_autopilot_passes if {
	count(network_policy.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"network_policy": [{"enabled": true, "provider": "CALICO"}]}),
		testing.tf_resource("google_container_cluster", "b", {"datapath_provider": "ADVANCED_DATAPATH"}),
		testing.tf_resource("google_container_cluster", "c", {"enable_autopilot": true}),
		testing.tf_resource("google_container_cluster", "d", {"network_policy": [{"enabled": testing.unknown("var.np")}]}),
		testing.tf_resource("google_container_cluster", "e", {"enable_autopilot": testing.unknown("var.autopilot")}),
	])
}
