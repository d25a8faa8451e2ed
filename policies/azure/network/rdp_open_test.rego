package iac_guard.azure.network.rdp_open_test

import data.iac_guard.azure.network.rdp_open
import data.iac_guard.testing
import rego.v1

test_rdp_from_internet_is_denied if {
	rdp_open.deny == {{
		"msg": "azurerm_network_security_rule.rdp allows RDP (port 3389) from the internet",
		"resource": "azurerm_network_security_rule.rdp",
		"file": "main.tf",
		"attribute": "source_address_prefix",
	}} with input as testing.tf([testing.tf_resource("azurerm_network_security_rule", "rdp", {"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "Internet", "destination_port_range": "3389"})])
}

test_rdp_from_office_passes if {
	count(rdp_open.deny) == 0 with input as testing.tf([testing.tf_resource("azurerm_network_security_rule", "rdp", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "203.0.113.0/24", "destination_port_range": "3389"})])
}
