package iac_guard.azure.eventhub.local_auth_test

import data.iac_guard.azure.eventhub.local_auth
import data.iac_guard.testing
import rego.v1

ns(name, values) := testing.tf_resource("azurerm_eventhub_namespace", name, values)

test_default_is_denied if {
	local_auth.deny == {{
		"msg": "Event Hubs namespace azurerm_eventhub_namespace.ns accepts shared access key authentication",
		"resource": "azurerm_eventhub_namespace.ns",
		"file": "main.tf",
		"attribute": "local_authentication_enabled",
	}} with input as testing.tf([ns("ns", {})])
}

test_enabled_or_null_is_denied if {
	testing.addresses(local_auth.deny) == {"azurerm_eventhub_namespace.a", "azurerm_eventhub_namespace.b"} with input as testing.tf([
		ns("a", {"local_authentication_enabled": true}),
		ns("b", {"local_authentication_enabled": null}),
	])
}

test_disabled_or_unknown_passes if {
	count(local_auth.deny) == 0 with input as testing.tf([
		ns("a", {"local_authentication_enabled": false}),
		ns("b", {"local_authentication_enabled": testing.unknown("var.local")}),
	])
}
