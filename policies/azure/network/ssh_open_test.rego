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
