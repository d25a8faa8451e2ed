package iac_guard.gcp.gke.legacy_abac_test

import data.iac_guard.gcp.gke.legacy_abac
import data.iac_guard.testing
import rego.v1

test_legacy_abac_is_denied if {
	legacy_abac.deny == {{
		"msg": "GKE cluster google_container_cluster.k enables legacy ABAC authorization",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "enable_legacy_abac",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"enable_legacy_abac": true})])
}

test_string_true_is_denied if {
	testing.addresses(legacy_abac.deny) == {"google_container_cluster.k"} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"enable_legacy_abac": "true"})])
}

test_rbac_only_passes if {
	count(legacy_abac.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"enable_legacy_abac": false}),
		testing.tf_resource("google_container_cluster", "b", {}),
		testing.tf_resource("google_container_cluster", "c", {"enable_legacy_abac": testing.unknown("var.abac")}),
	])
}
