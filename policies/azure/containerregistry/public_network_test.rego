package iac_guard.azure.containerregistry.public_network_test

import data.iac_guard.azure.containerregistry.public_network
import data.iac_guard.testing
import rego.v1

acr(name, values) := testing.tf_resource("azurerm_container_registry", name, values)

test_open_registry_is_denied if {
	public_network.deny == {{
		"msg": "container registry azurerm_container_registry.acr accepts traffic from any network",
		"resource": "azurerm_container_registry.acr",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([acr("acr", {"sku": "Premium"})])
}

test_allow_rule_set_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_container_registry.a", "azurerm_container_registry.b"} with input as testing.tf([
		acr("a", {"public_network_access_enabled": true, "network_rule_set": [{"default_action": "Allow"}]}),
		acr("b", {"public_network_access_enabled": null, "network_rule_set": [{"ip_rule": []}]}),
	])
}

test_private_deny_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		acr("a", {"public_network_access_enabled": false}),
		acr("b", {"network_rule_set": [{"default_action": "Deny", "ip_rule": [{"action": "Allow", "ip_range": "203.0.113.0/24"}]}]}),
		acr("c", {"public_network_access_enabled": testing.unknown("var.public")}),
		acr("d", {"network_rule_set": testing.unknown("local.rules")}),
	])
}
