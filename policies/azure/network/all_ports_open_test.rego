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
