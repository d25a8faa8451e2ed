package iac_guard.gcp.compute.serial_port_test

import data.iac_guard.gcp.compute.serial_port
import data.iac_guard.testing
import rego.v1

test_instance_serial_port_is_denied if {
	serial_port.deny == {{
		"msg": "google_compute_instance.vm enables the interactive serial console",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "metadata.serial-port-enable",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"metadata": {"serial-port-enable": "TRUE"}})])
}

test_every_form_is_denied if {
	testing.located(serial_port.deny) == {
		["google_compute_instance_template.t", "metadata.serial-port-enable"],
		["google_compute_region_instance_template.rt", "metadata.serial-port-enable"],
		["google_compute_project_metadata.p", "metadata.serial-port-enable"],
		["google_compute_project_metadata_item.i", "value"],
	} with input as testing.tf([
		testing.tf_resource("google_compute_instance_template", "t", {"metadata": {"serial-port-enable": true}}),
		testing.tf_resource("google_compute_region_instance_template", "rt", {"metadata": {"serial-port-enable": "1"}}),
		testing.tf_resource("google_compute_project_metadata", "p", {"metadata": {"serial-port-enable": "true"}}),
		testing.tf_resource("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "TRUE"}),
	])
}

test_disabled_serial_port_passes if {
	count(serial_port.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"metadata": {"serial-port-enable": "FALSE"}}),
		testing.tf_resource("google_compute_instance", "b", {}),
		testing.tf_resource("google_compute_instance", "c", {"metadata": {"serial-port-enable": testing.unknown("var.serial")}}),
		testing.tf_resource("google_compute_project_metadata_item", "d", {"key": "serial-port-enable", "value": "0"}),
		testing.tf_resource("google_compute_project_metadata", "e", {"metadata": testing.unknown("local.md")}),
	])
}
