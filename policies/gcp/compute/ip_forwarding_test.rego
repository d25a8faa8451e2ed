package iac_guard.gcp.compute.ip_forwarding_test

import data.iac_guard.gcp.compute.ip_forwarding
import data.iac_guard.testing
import rego.v1

test_ip_forwarding_is_denied if {
	ip_forwarding.deny == {{
		"msg": "google_compute_instance.vm enables IP forwarding",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "can_ip_forward",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"can_ip_forward": true})])
}

test_template_is_denied if {
	testing.addresses(ip_forwarding.deny) == {"google_compute_instance_template.t"} with input as testing.tf([testing.tf_resource("google_compute_instance_template", "t", {"can_ip_forward": "true"})])
}

test_no_forwarding_passes if {
	count(ip_forwarding.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {}),
		testing.tf_resource("google_compute_instance", "b", {"can_ip_forward": false}),
		testing.tf_resource("google_compute_instance", "c", {"can_ip_forward": testing.unknown("var.fwd")}),
	])
}
