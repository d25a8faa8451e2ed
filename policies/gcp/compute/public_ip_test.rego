package iac_guard.gcp.compute.public_ip_test

import data.iac_guard.gcp.compute.public_ip
import data.iac_guard.testing
import rego.v1

test_access_config_is_denied if {
	public_ip.deny == {{
		"msg": "google_compute_instance.vm has an external IP address on network interface 0",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "network_interface.0.access_config",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"network_interface": [{"network": "default", "access_config": [{}]}]})])
}

test_template_and_ipv6_are_denied if {
	testing.located(public_ip.deny) == {
		["google_compute_instance_template.t", "network_interface.1.access_config"],
		["google_compute_instance.v6", "network_interface.0.ipv6_access_config"],
	} with input as testing.tf([
		testing.tf_resource("google_compute_instance_template", "t", {"network_interface": [{"network": "a"}, {"network": "b", "access_config": [{"nat_ip": "203.0.113.7"}]}]}),
		testing.tf_resource("google_compute_instance", "v6", {"network_interface": [{"ipv6_access_config": [{"network_tier": "PREMIUM"}]}]}),
	])
}

test_internal_only_passes if {
	count(public_ip.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"network_interface": [{"network": "default"}]}),
		testing.tf_resource("google_compute_instance", "b", {"network_interface": [{"network": "default", "access_config": []}]}),
		testing.tf_resource("google_compute_instance", "c", {"network_interface": [{"access_config": testing.unknown("local.ac")}]}),
	])
}
