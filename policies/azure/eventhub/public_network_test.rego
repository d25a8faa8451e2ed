package iac_guard.azure.eventhub.public_network_test

import data.iac_guard.azure.eventhub.public_network
import data.iac_guard.testing
import rego.v1

ns(name, values) := testing.tf_resource("azurerm_eventhub_namespace", name, values)

test_open_namespace_is_denied if {
	public_network.deny == {{
		"msg": "Event Hubs namespace azurerm_eventhub_namespace.ns accepts traffic from any network",
		"resource": "azurerm_eventhub_namespace.ns",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([ns("ns", {"sku": "Standard"})])
}

test_open_in_every_form_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_eventhub_namespace.a", "azurerm_eventhub_namespace.b"} with input as testing.tf([
		ns("a", {"public_network_access_enabled": true, "network_rulesets": [{"default_action": "Allow"}]}),
		ns("b", {"public_network_access_enabled": null}),
	])
}

test_private_deny_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		ns("a", {"public_network_access_enabled": false}),
		ns("b", {"network_rulesets": [{"default_action": "Deny", "ip_rule": [{"ip_mask": "203.0.113.0/24"}]}]}),
		ns("c", {"public_network_access_enabled": testing.unknown("var.public")}),
		ns("d", {"network_rulesets": [{"default_action": testing.unknown("var.action")}]}),
	])
}
