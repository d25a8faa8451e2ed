package iac_guard.azure.servicebus.public_network_test

import data.iac_guard.azure.servicebus.public_network
import data.iac_guard.testing
import rego.v1

ns(name, values) := testing.tf_resource("azurerm_servicebus_namespace", name, values)

test_open_namespace_is_denied if {
	public_network.deny == {{
		"msg": "Service Bus namespace azurerm_servicebus_namespace.ns accepts traffic from any network",
		"resource": "azurerm_servicebus_namespace.ns",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([ns("ns", {"sku": "Standard"})])
}

test_open_in_every_form_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_servicebus_namespace.a", "azurerm_servicebus_namespace.b"} with input as testing.tf([
		ns("a", {"public_network_access_enabled": true, "network_rule_set": [{"default_action": "Allow"}]}),
		ns("b", {"public_network_access_enabled": null}),
		testing.tf_resource("azurerm_servicebus_namespace_network_rule_set", "other", {"namespace_id": testing.unknown("azurerm_servicebus_namespace.other.id"), "default_action": "Deny"}),
	])
}

test_private_deny_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		ns("a", {"public_network_access_enabled": false}),
		ns("b", {"network_rule_set": [{"default_action": "Deny", "ip_rule": [{"ip_mask": "203.0.113.0/24"}]}]}),
		ns("c", {"public_network_access_enabled": testing.unknown("var.public")}),
		ns("d", {"network_rule_set": [{"default_action": testing.unknown("var.action")}]}),
		ns("e", {}),
		testing.tf_resource("azurerm_servicebus_namespace_network_rule_set", "e", {"namespace_id": testing.unknown("azurerm_servicebus_namespace.e.id"), "default_action": "Deny"}),
	])
}
