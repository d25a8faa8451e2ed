package iac_guard.azure.network.ssh_open_test

import data.iac_guard.azure.network.ssh_open
import data.iac_guard.testing
import rego.v1

rule(overrides) := object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}, overrides)

test_ssh_from_internet_is_denied if {
	ssh_open.deny == {{
		"msg": "azurerm_network_security_rule.ssh allows SSH (port 22) from the internet",
		"resource": "azurerm_network_security_rule.ssh",
		"file": "main.tf",
		"attribute": "source_address_prefix",
	}} with input as testing.tf([testing.tf_resource("azurerm_network_security_rule", "ssh", rule({}))])
}

test_inline_rules_ranges_and_lists_are_checked if {
	testing.located(ssh_open.deny) == {["azurerm_network_security_group.nsg", "security_rule.1"], ["azurerm_network_security_group.nsg", "security_rule.2"]} with input as testing.tf([testing.tf_resource("azurerm_network_security_group", "nsg", {"security_rule": [
		rule({"destination_port_range": "443"}),
		rule({"destination_port_range": null, "destination_port_ranges": ["80", "20-25"], "source_address_prefix": "Internet"}),
		rule({"destination_port_range": "*", "protocol": "*", "source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]}),
	]})])
}

test_denied_outbound_private_and_udp_rules_pass if {
	count(ssh_open.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_network_security_rule", "a", rule({"access": "Deny"})),
		testing.tf_resource("azurerm_network_security_rule", "b", rule({"direction": "Outbound"})),
		testing.tf_resource("azurerm_network_security_rule", "c", rule({"source_address_prefix": "10.0.0.0/8"})),
		testing.tf_resource("azurerm_network_security_rule", "d", rule({"protocol": "Udp"})),
		testing.tf_resource("azurerm_network_security_rule", "e", rule({"source_address_prefix": testing.unknown("var.source")})),
	])
}

# Every way Azure lets a rule name the internet and port 22.
test_every_source_and_port_form if {
	testing.located(ssh_open.deny) == {
		["azurerm_network_security_rule.slash0", "source_address_prefix"],
		["azurerm_network_security_rule.host_bits", "source_address_prefix"],
		["azurerm_network_security_rule.any", "source_address_prefix"],
		["azurerm_network_security_rule.upper_internet", "source_address_prefix"],
		["azurerm_network_security_rule.comma", "source_address_prefix"],
		["azurerm_network_security_rule.comma_spaces", "source_address_prefix"],
		["azurerm_network_security_rule.range", "source_address_prefix"],
		["azurerm_network_security_rule.list_with_comma", "source_address_prefix"],
		["azurerm_network_security_rule.ipv6", "source_address_prefix"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_network_security_rule", "slash0", rule({"source_address_prefix": "/0"})),
		testing.tf_resource("azurerm_network_security_rule", "host_bits", rule({"source_address_prefix": "34.15.11.3/0"})),
		testing.tf_resource("azurerm_network_security_rule", "any", rule({"source_address_prefix": "Any"})),
		testing.tf_resource("azurerm_network_security_rule", "upper_internet", rule({"source_address_prefix": "INTERNET"})),
		testing.tf_resource("azurerm_network_security_rule", "comma", rule({"destination_port_range": "22,24"})),
		testing.tf_resource("azurerm_network_security_rule", "comma_spaces", rule({"destination_port_range": "21, 22 , 24 "})),
		testing.tf_resource("azurerm_network_security_rule", "range", rule({"destination_port_range": "20-23"})),
		testing.tf_resource("azurerm_network_security_rule", "list_with_comma", rule({"destination_port_range": null, "destination_port_ranges": ["80", "21,22"]})),
		testing.tf_resource("azurerm_network_security_rule", "ipv6", rule({"source_address_prefix": "::/0"})),
		testing.tf_resource("azurerm_network_security_rule", "other_ports", rule({"destination_port_range": "21,23-24, 8022"})),
		testing.tf_resource("azurerm_network_security_rule", "private_slash", rule({"source_address_prefix": "10.0.0.0/8"})),
		testing.tf_resource("azurerm_network_security_rule", "slash_10", rule({"source_address_prefix": "0.0.0.0/10"})),
		testing.tf_resource("azurerm_network_security_rule", "lowercase_deny", rule({"access": "deny", "source_address_prefix": "/0"})),
	])
}

test_inline_rule_forms if {
	testing.located(ssh_open.deny) == {["azurerm_network_security_group.nsg", "security_rule.0"], ["azurerm_network_security_group.nsg", "security_rule.1"]} with input as testing.tf([testing.tf_resource("azurerm_network_security_group", "nsg", {"security_rule": [
		rule({"source_address_prefix": "34.15.11.3/0", "destination_port_range": "21, 22 , 24 "}),
		rule({"direction": "inbound", "access": "allow", "protocol": "tcp", "destination_port_range": null, "destination_port_ranges": ["22,24"]}),
		rule({"source_address_prefix": "/0", "destination_port_range": "23,24"}),
	]})])
}
