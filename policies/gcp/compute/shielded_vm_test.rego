package iac_guard.gcp.compute.shielded_vm_test

import data.iac_guard.gcp.compute.shielded_vm
import data.iac_guard.testing
import rego.v1

test_missing_secure_boot_is_denied if {
	shielded_vm.deny == {{
		"msg": "google_compute_instance.vm runs without Secure Boot",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "shielded_instance_config.0.enable_secure_boot",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {})])
}

test_disabled_features_are_denied if {
	testing.located(shielded_vm.deny) == {
		["google_compute_instance.a", "shielded_instance_config.0.enable_vtpm"],
		["google_compute_instance_template.t", "shielded_instance_config.0.enable_integrity_monitoring"],
		["google_compute_instance_template.t", "shielded_instance_config.0.enable_secure_boot"],
	} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"shielded_instance_config": [{"enable_secure_boot": true, "enable_vtpm": false}]}),
		testing.tf_resource("google_compute_instance_template", "t", {"shielded_instance_config": [{"enable_secure_boot": "false", "enable_integrity_monitoring": false}]}),
	])
}

test_shielded_vm_passes if {
	count(shielded_vm.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"shielded_instance_config": [{"enable_secure_boot": true}]}),
		testing.tf_resource("google_compute_instance", "b", {"shielded_instance_config": [{"enable_secure_boot": true, "enable_vtpm": true, "enable_integrity_monitoring": true}]}),
		testing.tf_resource("google_compute_instance", "c", {"shielded_instance_config": testing.unknown("local.shielded")}),
		testing.tf_resource("google_compute_instance", "d", {"shielded_instance_config": [{"enable_secure_boot": testing.unknown("var.sb")}]}),
	])
}
