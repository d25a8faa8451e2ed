package iac_guard.gcp.gke.release_channel_test

import data.iac_guard.gcp.gke.release_channel
import data.iac_guard.testing
import rego.v1

test_unspecified_channel_is_denied if {
	release_channel.deny == {{
		"msg": "GKE cluster google_container_cluster.k is not enrolled in a release channel",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "release_channel.0.channel",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"release_channel": [{"channel": "UNSPECIFIED"}]})])
}

test_channels_pass if {
	count(release_channel.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"release_channel": [{"channel": "STABLE"}]}),
		testing.tf_resource("google_container_cluster", "c", {"release_channel": [{"channel": testing.unknown("var.channel")}]}),
	])
}
