package iac_guard.gcp.compute.confidential_vm_test

import data.iac_guard.gcp.compute.confidential_vm
import data.iac_guard.testing
import rego.v1

test_amd_vm_without_confidential_compute_is_denied if {
	confidential_vm.deny == {{
		"msg": "google_compute_instance.vm (n2d-standard-4) does not enable Confidential Computing",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "confidential_instance_config",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"machine_type": "n2d-standard-4"})])
}

test_disabled_and_template_are_denied if {
	testing.addresses(confidential_vm.deny) == {"google_compute_instance.a", "google_compute_instance_template.t"} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"machine_type": "c2d-standard-8", "confidential_instance_config": [{"enable_confidential_compute": false}]}),
		testing.tf_resource("google_compute_instance_template", "t", {"machine_type": "n2d-highmem-2", "confidential_instance_config": [{"confidential_instance_type": ""}]}),
	])
}

test_confidential_or_other_families_pass if {
	count(confidential_vm.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"machine_type": "n2d-standard-4", "confidential_instance_config": [{"enable_confidential_compute": true}]}),
		testing.tf_resource("google_compute_instance", "b", {"machine_type": "c3d-standard-4", "confidential_instance_config": [{"confidential_instance_type": "SEV_SNP"}]}),
		testing.tf_resource("google_compute_instance", "c", {"machine_type": "e2-medium"}),
		testing.tf_resource("google_compute_instance", "d", {"machine_type": testing.unknown("var.type")}),
	])
}
