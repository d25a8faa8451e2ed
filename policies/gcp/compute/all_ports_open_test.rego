package iac_guard.gcp.compute.all_ports_open_test

import data.iac_guard.gcp.compute.all_ports_open
import data.iac_guard.testing
import rego.v1

test_all_protocols_from_internet_are_denied if {
	all_ports_open.deny == {{
		"msg": "google_compute_firewall.open allows every port from the internet",
		"resource": "google_compute_firewall.open",
		"file": "main.tf",
		"attribute": "allow.0",
	}} with input as testing.tf([testing.tf_resource("google_compute_firewall", "open", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]})])
}

test_listed_ports_pass if {
	count(all_ports_open.deny) == 0 with input as testing.tf([testing.tf_resource("google_compute_firewall", "web", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]})])
}
