package iac_guard.azure.servicebus.local_auth_test

import data.iac_guard.azure.servicebus.local_auth
import data.iac_guard.testing
import rego.v1

ns(name, values) := testing.tf_resource("azurerm_servicebus_namespace", name, values)

test_default_is_denied if {
	local_auth.deny == {{
		"msg": "Service Bus namespace azurerm_servicebus_namespace.ns accepts shared access key authentication",
		"resource": "azurerm_servicebus_namespace.ns",
		"file": "main.tf",
		"attribute": "local_auth_enabled",
	}} with input as testing.tf([ns("ns", {})])
}

test_enabled_or_null_is_denied if {
	testing.addresses(local_auth.deny) == {"azurerm_servicebus_namespace.a", "azurerm_servicebus_namespace.b"} with input as testing.tf([
		ns("a", {"local_auth_enabled": true}),
		ns("b", {"local_auth_enabled": null}),
	])
}

test_disabled_or_unknown_passes if {
	count(local_auth.deny) == 0 with input as testing.tf([
		ns("a", {"local_auth_enabled": false}),
		ns("b", {"local_auth_enabled": testing.unknown("var.local")}),
	])
}
