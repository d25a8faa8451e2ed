package iac_guard.gcp.compute.rdp_open_test

import data.iac_guard.gcp.compute.rdp_open
import data.iac_guard.testing
import rego.v1

test_rdp_from_internet_is_denied if {
	rdp_open.deny == {{
		"msg": "google_compute_firewall.rdp allows RDP (port 3389) from the internet",
		"resource": "google_compute_firewall.rdp",
		"file": "main.tf",
		"attribute": "allow.0",
	}} with input as testing.tf([testing.tf_resource("google_compute_firewall", "rdp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]})])
}

test_rdp_from_office_passes if {
	count(rdp_open.deny) == 0 with input as testing.tf([testing.tf_resource("google_compute_firewall", "rdp", {"source_ranges": ["203.0.113.0/24"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]})])
}

test_udp_3389_is_rdp_too if {
	testing.addresses(rdp_open.deny) == {"google_compute_firewall.udp", "google_compute_firewall.udp_number"} with input as testing.tf([
		testing.tf_resource("google_compute_firewall", "udp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["3389"]}]}),
		testing.tf_resource("google_compute_firewall", "udp_number", {"source_ranges": ["::/0"], "allow": [{"protocol": "17", "ports": ["3000-4000"]}]}),
		testing.tf_resource("google_compute_firewall", "udp_dns", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["53"]}]}),
		testing.tf_resource("google_compute_firewall", "esp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "esp"}]}),
	])
}
