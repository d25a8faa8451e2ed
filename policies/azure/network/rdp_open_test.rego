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

rdp(name, overrides) := testing.tf_resource("azurerm_network_security_rule", name, object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "3389"}, overrides))

test_rdp_forms if {
	testing.addresses(rdp_open.deny) == {
		"azurerm_network_security_rule.udp",
		"azurerm_network_security_rule.host_bits",
		"azurerm_network_security_rule.comma",
		"azurerm_network_security_rule.range",
		"azurerm_network_security_rule.ranges",
		"azurerm_network_security_rule.any_port",
	} with input as testing.tf([
		rdp("udp", {"protocol": "Udp"}),
		rdp("host_bits", {"source_address_prefix": "34.15.11.3/0"}),
		rdp("comma", {"destination_port_range": "22, 3389"}),
		rdp("range", {"destination_port_range": "3000-4000"}),
		rdp("ranges", {"destination_port_range": null, "destination_port_ranges": ["443", "3389"]}),
		rdp("any_port", {"destination_port_range": "*", "source_address_prefix": "Internet"}),
		rdp("icmp", {"protocol": "Icmp"}),
		rdp("private", {"source_address_prefixes": ["10.0.0.0/8"], "source_address_prefix": null}),
		rdp("other", {"destination_port_range": "3390,3391"}),
	])
}
