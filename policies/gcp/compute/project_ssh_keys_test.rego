package iac_guard.gcp.compute.project_ssh_keys_test

import data.iac_guard.gcp.compute.project_ssh_keys
import data.iac_guard.testing
import rego.v1

test_project_keys_allowed_is_denied if {
	project_ssh_keys.deny == {{
		"msg": "google_compute_instance.vm does not block project-wide SSH keys",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "metadata.block-project-ssh-keys",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"metadata": {"block-project-ssh-keys": "FALSE"}})])
}

test_missing_metadata_and_templates_are_denied if {
	testing.addresses(project_ssh_keys.deny) == {"google_compute_instance.a", "google_compute_instance_template.t"} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {}),
		testing.tf_resource("google_compute_instance_template", "t", {"metadata": {"startup-script": "echo hi"}}),
	])
}

test_instance_turning_project_oslogin_off_is_denied if {
	testing.addresses(project_ssh_keys.deny) == {"google_compute_instance.c"} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {}),
		testing.tf_resource("google_compute_instance", "c", {"metadata": {"enable-oslogin": "FALSE"}}),
		testing.tf_resource("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "TRUE"}),
	])
}

test_blocked_keys_or_oslogin_pass if {
	count(project_ssh_keys.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"metadata": {"block-project-ssh-keys": true}}),
		testing.tf_resource("google_compute_instance", "b", {"metadata": {"enable-oslogin": "TRUE"}}),
		testing.tf_resource("google_compute_instance", "c", {"metadata": testing.unknown("var.metadata")}),
		testing.tf_resource("google_compute_instance", "d", {"metadata": {"block-project-ssh-keys": testing.unknown("var.block")}}),
	])
}

test_project_wide_oslogin_passes if {
	count(project_ssh_keys.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {}),
		testing.tf_resource("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}}),
	])
}
