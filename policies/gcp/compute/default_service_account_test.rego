package iac_guard.gcp.compute.default_service_account_test

import data.iac_guard.gcp.compute.default_service_account
import data.iac_guard.testing
import rego.v1

test_default_account_is_denied if {
	default_service_account.deny == {{
		"msg": "google_compute_instance.vm runs as the Compute Engine default service account",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "service_account.0.email",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"service_account": [{"scopes": ["storage-ro"]}]})])
}

test_literal_and_template_are_denied if {
	testing.addresses(default_service_account.deny) == {"google_compute_instance.literal", "google_compute_region_instance_template.t"} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "literal", {"service_account": [{"email": "123456789012-compute@developer.gserviceaccount.com", "scopes": []}]}),
		testing.tf_resource("google_compute_region_instance_template", "t", {"service_account": [{"email": "default", "scopes": ["logging-write"]}]}),
	])
}

test_dedicated_or_reported_elsewhere_passes if {
	count(default_service_account.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"service_account": [{"email": "app@acme.iam.gserviceaccount.com", "scopes": ["storage-ro"]}]}),
		testing.tf_resource("google_compute_instance", "b", {"service_account": [{"scopes": ["cloud-platform"]}]}),
		testing.tf_resource("google_compute_instance", "c", {"service_account": [{"email": testing.unknown("var.sa"), "scopes": []}]}),
		testing.tf_resource("google_compute_instance", "d", {}),
		testing.tf_resource("google_compute_instance", "e", {"name": "gke-pool-1", "service_account": [{"scopes": []}]}),
	])
}
