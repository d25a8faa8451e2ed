package iac_guard.gcp.compute.default_sa_full_access_test

import data.iac_guard.gcp.compute.default_sa_full_access
import data.iac_guard.testing
import rego.v1

test_default_account_with_cloud_platform_is_denied if {
	default_sa_full_access.deny == {{
		"msg": "google_compute_instance.vm runs as the default service account with the cloud-platform scope",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "service_account.0.scopes",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"service_account": [{"scopes": ["cloud-platform"]}]})])
}

test_every_form_is_denied if {
	testing.addresses(default_sa_full_access.deny) == {"google_compute_instance.url", "google_compute_instance_template.t", "google_compute_instance.literal"} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "url", {"service_account": [{"email": "default", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}]}),
		testing.tf_resource("google_compute_instance_template", "t", {"service_account": [{"email": "", "scopes": ["cloud-platform"]}]}),
		testing.tf_resource("google_compute_instance", "literal", {"service_account": [{"email": "123456789012-compute@developer.gserviceaccount.com", "scopes": ["userinfo-email", "cloud-platform"]}]}),
	])
}

test_dedicated_account_or_narrow_scopes_pass if {
	count(default_sa_full_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"service_account": [{"email": "app@acme.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}]}),
		testing.tf_resource("google_compute_instance", "b", {"service_account": [{"scopes": ["storage-ro", "logging-write"]}]}),
		testing.tf_resource("google_compute_instance", "c", {"service_account": [{"email": testing.unknown("google_service_account.app.email"), "scopes": ["cloud-platform"]}]}),
		testing.tf_resource("google_compute_instance", "d", {}),
		testing.tf_resource("google_compute_instance", "e", {"service_account": [{"scopes": testing.unknown("var.scopes")}]}),
	])
}
