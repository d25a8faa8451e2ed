package iac_guard.gcp.compute.ssh_open_test

import data.iac_guard.gcp.compute.ssh_open
import data.iac_guard.testing
import rego.v1

test_ssh_from_internet_is_denied if {
	ssh_open.deny == {{
		"msg": "google_compute_firewall.ssh allows SSH (port 22) from the internet",
		"resource": "google_compute_firewall.ssh",
		"file": "main.tf",
		"attribute": "allow.1",
	}} with input as testing.tf([testing.tf_resource("google_compute_firewall", "ssh", {
		"network": "default",
		"source_ranges": ["0.0.0.0/0"],
		"allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["80", "20-30"]}],
	})])
}

test_all_protocols_without_ports_are_denied if {
	testing.addresses(ssh_open.deny) == {"google_compute_firewall.all"} with input as testing.tf([testing.tf_resource("google_compute_firewall", "all", {"source_ranges": ["::/0"], "allow": [{"protocol": "all"}]})])
}

test_iap_egress_disabled_and_unknown_pass if {
	count(ssh_open.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_firewall", "iap", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "egress", {"direction": "EGRESS", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "off", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "var", {"source_ranges": testing.unknown("var.ranges"), "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "udp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["22"]}]}),
	])
}

test_any_slash_zero_range_is_the_world if {
	testing.addresses(ssh_open.deny) == {"google_compute_firewall.host_bits", "google_compute_firewall.v6", "google_compute_firewall.number"} with input as testing.tf([
		testing.tf_resource("google_compute_firewall", "host_bits", {"source_ranges": ["10.1.2.3/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "v6", {"source_ranges": ["2001:db8::/0"], "allow": [{"protocol": "tcp", "ports": ["21-23"]}]}),
		testing.tf_resource("google_compute_firewall", "number", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "6", "ports": [22]}]}),
		testing.tf_resource("google_compute_firewall", "slash8", {"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "tags_only", {"source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
	])
}

# No source ranges, tags or service accounts: Google Cloud applies the rule to 0.0.0.0/0.
test_ingress_without_source_is_from_everywhere if {
	testing.addresses(ssh_open.deny) == {"google_compute_firewall.no_source", "google_compute_firewall.empty_ranges"} with input as testing.tf([
		testing.tf_resource("google_compute_firewall", "no_source", {"network": "default", "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "empty_ranges", {"source_ranges": [], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "tags", {"source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "service_account", {"source_service_accounts": ["bastion@p.iam.gserviceaccount.com"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "unknown", {"source_ranges": testing.unknown("var.ranges"), "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		testing.tf_resource("google_compute_firewall", "egress", {"direction": "EGRESS", "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
	])
}
