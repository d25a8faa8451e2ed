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

test_every_all_ports_form if {
	testing.addresses(all_ports_open.deny) == {"google_compute_firewall.tcp_no_ports", "google_compute_firewall.tcp_range", "google_compute_firewall.host_bits"} with input as testing.tf([
		testing.tf_resource("google_compute_firewall", "tcp_no_ports", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}),
		testing.tf_resource("google_compute_firewall", "tcp_range", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["0-65535"]}]}),
		testing.tf_resource("google_compute_firewall", "host_bits", {"source_ranges": ["192.168.1.1/0"], "allow": [{"protocol": "all"}]}),
		testing.tf_resource("google_compute_firewall", "udp_only", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp"}]}),
		testing.tf_resource("google_compute_firewall", "icmp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]}),
		testing.tf_resource("google_compute_firewall", "internal", {"source_ranges": ["10.128.0.0/9"], "allow": [{"protocol": "all"}]}),
	])
}
