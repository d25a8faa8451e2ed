package iac_guard.gcp.gke.binary_authorization_test

import data.iac_guard.gcp.gke.binary_authorization
import data.iac_guard.testing
import rego.v1

test_missing_binary_authorization_is_denied if {
	binary_authorization.deny == {{
		"msg": "GKE cluster google_container_cluster.k does not enforce Binary Authorization",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "binary_authorization.0.evaluation_mode",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {})])
}

test_disabled_forms_are_denied if {
	testing.addresses(binary_authorization.deny) == {"google_container_cluster.a", "google_container_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"binary_authorization": [{"evaluation_mode": "DISABLED"}]}),
		testing.tf_resource("google_container_cluster", "b", {"enable_binary_authorization": false}),
	])
}

test_enforced_forms_pass if {
	count(binary_authorization.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"binary_authorization": [{"evaluation_mode": "PROJECT_SINGLETON_POLICY_ENFORCE"}]}),
		testing.tf_resource("google_container_cluster", "b", {"binary_authorization": [{"enabled": true}]}),
		testing.tf_resource("google_container_cluster", "c", {"enable_binary_authorization": true}),
		testing.tf_resource("google_container_cluster", "d", {"binary_authorization": [{"evaluation_mode": testing.unknown("var.mode")}]}),
	])
}
