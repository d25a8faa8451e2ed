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
