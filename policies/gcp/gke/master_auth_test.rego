package iac_guard.gcp.gke.master_auth_test

import data.iac_guard.gcp.gke.master_auth
import data.iac_guard.testing
import rego.v1

test_client_certificate_is_denied if {
	master_auth.deny == {{
		"msg": "GKE cluster google_container_cluster.k issues a client certificate",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "master_auth.0.client_certificate_config.0.issue_client_certificate",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]})])
}

test_basic_auth_is_denied if {
	testing.located(master_auth.deny) == {["google_container_cluster.k", "master_auth.0.username"]} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"master_auth": [{"username": "admin", "password": "hunter2hunter2hunter"}]})])
}

test_iam_only_passes if {
	count(master_auth.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"master_auth": [{"username": "", "password": "", "client_certificate_config": [{"issue_client_certificate": false}]}]}),
		testing.tf_resource("google_container_cluster", "c", {"master_auth": [{"username": testing.unknown("var.u"), "client_certificate_config": [{"issue_client_certificate": testing.unknown("var.c")}]}]}),
	])
}
