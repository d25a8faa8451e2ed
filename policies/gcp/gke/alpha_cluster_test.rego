package iac_guard.gcp.gke.alpha_cluster_test

import data.iac_guard.gcp.gke.alpha_cluster
import data.iac_guard.testing
import rego.v1

test_alpha_cluster_is_denied if {
	alpha_cluster.deny == {{
		"msg": "GKE cluster google_container_cluster.k enables Kubernetes alpha features",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "enable_kubernetes_alpha",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"enable_kubernetes_alpha": true})])
}

test_string_true_is_denied if {
	testing.addresses(alpha_cluster.deny) == {"google_container_cluster.k"} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"enable_kubernetes_alpha": "true"})])
}

test_stable_cluster_passes if {
	count(alpha_cluster.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"enable_kubernetes_alpha": false}),
		testing.tf_resource("google_container_cluster", "c", {"enable_kubernetes_alpha": testing.unknown("var.alpha")}),
	])
}
