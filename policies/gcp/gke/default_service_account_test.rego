package iac_guard.gcp.gke.default_service_account_test

import data.iac_guard.gcp.gke.default_service_account
import data.iac_guard.testing
import rego.v1

test_default_account_is_denied if {
	default_service_account.deny == {{
		"msg": "google_container_node_pool.p runs nodes as the Compute Engine default service account",
		"resource": "google_container_node_pool.p",
		"file": "main.tf",
		"attribute": "node_config.0.service_account",
	}} with input as testing.tf([testing.tf_resource("google_container_node_pool", "p", {"node_config": [{"machine_type": "e2-medium"}]})])
}

test_every_form_is_denied if {
	testing.located(default_service_account.deny) == {
		["google_container_cluster.k", "node_config.0.service_account"],
		["google_container_cluster.inline", "node_pool.0.node_config.0.service_account"],
		["google_container_node_pool.literal", "node_config.0.service_account"],
	} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "k", {}),
		testing.tf_resource("google_container_cluster", "inline", {"node_pool": [{"node_config": [{"service_account": "default"}]}]}),
		testing.tf_resource("google_container_node_pool", "literal", {"node_config": [{"service_account": "123456789012-compute@developer.gserviceaccount.com"}]}),
	])
}

test_dedicated_account_passes if {
	count(default_service_account.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_node_pool", "a", {"node_config": [{"service_account": "gke-nodes@acme.iam.gserviceaccount.com"}]}),
		testing.tf_resource("google_container_node_pool", "b", {"node_config": [{"service_account": testing.unknown("google_service_account.nodes.email")}]}),
		testing.tf_resource("google_container_node_pool", "c", {"node_config": testing.unknown("local.node_config")}),
		testing.tf_resource("google_container_cluster", "d", {"enable_autopilot": true}),
		testing.tf_resource("google_container_cluster", "e", {"remove_default_node_pool": true}),
	])
}
