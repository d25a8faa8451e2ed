package iac_guard.gcp.gke.workload_identity_test

import data.iac_guard.gcp.gke.workload_identity
import data.iac_guard.testing
import rego.v1

test_missing_workload_identity_is_denied if {
	workload_identity.deny == {{
		"msg": "GKE cluster google_container_cluster.k does not enable Workload Identity",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "workload_identity_config",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {})])
}

test_empty_pool_is_denied if {
	testing.addresses(workload_identity.deny) == {"google_container_cluster.k"} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"workload_identity_config": [{"workload_pool": ""}]})])
}

test_workload_identity_passes if {
	count(workload_identity.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"workload_identity_config": [{"workload_pool": "acme.svc.id.goog"}]}),
		testing.tf_resource("google_container_cluster", "b", {"workload_identity_config": [{"identity_namespace": "acme.svc.id.goog"}]}),
		testing.tf_resource("google_container_cluster", "c", {"workload_identity_config": [{"workload_pool": testing.unknown("\"${var.project}.svc.id.goog\"")}]}),
		testing.tf_resource("google_container_cluster", "d", {"enable_autopilot": true}),
		testing.tf_resource("google_container_cluster", "e", {"workload_identity_config": testing.unknown("local.wi")}),
	])
}
