package iac_guard.gcp.dataproc.public_ip_test

import data.iac_guard.gcp.dataproc.public_ip
import data.iac_guard.testing
import rego.v1

test_external_ips_are_denied if {
	public_ip.deny == {{
		"msg": "Dataproc cluster google_dataproc_cluster.c gives its VMs external IP addresses",
		"resource": "google_dataproc_cluster.c",
		"file": "main.tf",
		"attribute": "cluster_config.0.gce_cluster_config.0.internal_ip_only",
	}} with input as testing.tf([testing.tf_resource("google_dataproc_cluster", "c", {"cluster_config": [{"gce_cluster_config": [{"internal_ip_only": false}]}]})])
}

test_missing_setting_is_denied if {
	testing.addresses(public_ip.deny) == {"google_dataproc_cluster.a", "google_dataproc_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_dataproc_cluster", "a", {"name": "a"}),
		testing.tf_resource("google_dataproc_cluster", "b", {"cluster_config": [{"gce_cluster_config": [{"zone": "europe-west1-b"}]}]}),
	])
}

test_internal_only_passes if {
	count(public_ip.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_dataproc_cluster", "a", {"cluster_config": [{"gce_cluster_config": [{"internal_ip_only": true}]}]}),
		testing.tf_resource("google_dataproc_cluster", "b", {"cluster_config": [{"gce_cluster_config": [{"internal_ip_only": testing.unknown("var.internal")}]}]}),
		testing.tf_resource("google_dataproc_cluster", "c", {"cluster_config": testing.unknown("local.config")}),
	])
}
