package iac_guard.gcp.compute.oslogin_test

import data.iac_guard.gcp.compute.oslogin
import data.iac_guard.testing
import rego.v1

test_project_metadata_without_oslogin_is_denied if {
	oslogin.deny == {{
		"msg": "google_compute_project_metadata.p does not enable OS Login for the project",
		"resource": "google_compute_project_metadata.p",
		"file": "main.tf",
		"attribute": "metadata.enable-oslogin",
	}} with input as testing.tf([testing.tf_resource("google_compute_project_metadata", "p", {"metadata": {"ssh-keys": "alice:ssh-ed25519 AAAA alice"}})])
}

test_every_off_form_is_denied if {
	testing.located(oslogin.deny) == {
		["google_compute_project_metadata.off", "metadata.enable-oslogin"],
		["google_compute_project_metadata_item.item", "value"],
		["google_compute_instance.vm", "metadata.enable-oslogin"],
		["google_compute_instance_template.t", "metadata.enable-oslogin"],
	} with input as testing.tf([
		testing.tf_resource("google_compute_project_metadata", "off", {"metadata": {"enable-oslogin": "FALSE"}}),
		testing.tf_resource("google_compute_project_metadata_item", "item", {"key": "enable-oslogin", "value": "false"}),
		testing.tf_resource("google_compute_instance", "vm", {"metadata": {"enable-oslogin": false}}),
		testing.tf_resource("google_compute_instance_template", "t", {"metadata": {"enable-oslogin": "0"}}),
	])
}

test_oslogin_on_passes if {
	count(oslogin.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_project_metadata", "a", {"metadata": {"enable-oslogin": "TRUE"}}),
		testing.tf_resource("google_compute_project_metadata_item", "b", {"key": "enable-oslogin", "value": "TRUE"}),
		testing.tf_resource("google_compute_project_metadata", "c", {"metadata": testing.unknown("local.md")}),
		testing.tf_resource("google_compute_project_metadata", "d", {"metadata": {"enable-oslogin": testing.unknown("var.oslogin")}}),
		testing.tf_resource("google_compute_instance", "e", {"metadata": {"enable-oslogin": "TRUE"}}),
		testing.tf_resource("google_compute_instance", "f", {}),
	])
}
