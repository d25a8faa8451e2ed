package iac_guard.azure.network.all_ports_open_test

import data.iac_guard.azure.network.all_ports_open
import data.iac_guard.testing
import rego.v1

test_any_port_from_internet_is_denied if {
	all_ports_open.deny == {{
		"msg": "azurerm_network_security_group.nsg allows every port from the internet",
		"resource": "azurerm_network_security_group.nsg",
		"file": "main.tf",
		"attribute": "security_rule.0",
	}} with input as testing.tf([testing.tf_resource("azurerm_network_security_group", "nsg", {"security_rule": [{"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"}]})])
}

test_single_port_rule_passes if {
	count(all_ports_open.deny) == 0 with input as testing.tf([testing.tf_resource("azurerm_network_security_rule", "https", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "443"})])
}

test_every_all_ports_form if {
	testing.addresses(all_ports_open.deny) == {
		"azurerm_network_security_rule.range",
		"azurerm_network_security_rule.list",
		"azurerm_network_security_group.inline",
	} with input as testing.tf([
		testing.tf_resource("azurerm_network_security_rule", "range", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "34.15.11.3/0", "destination_port_range": "0-65535"}),
		testing.tf_resource("azurerm_network_security_rule", "list", {"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefixes": ["Internet"], "destination_port_ranges": ["1-65535"]}),
		testing.tf_resource("azurerm_network_security_group", "inline", {"security_rule": [{"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "Any", "destination_port_range": " * "}]}),
		testing.tf_resource("azurerm_network_security_rule", "udp", {"direction": "Inbound", "access": "Allow", "protocol": "Udp", "source_address_prefix": "*", "destination_port_range": "*"}),
		testing.tf_resource("azurerm_network_security_rule", "vnet", {"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "VirtualNetwork", "destination_port_range": "*"}),
		testing.tf_resource("azurerm_network_security_rule", "most", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "1024-65535"}),
	])
}
