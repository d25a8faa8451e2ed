package iac_guard.azure.datafactory.public_network_test

import data.iac_guard.azure.datafactory.public_network
import data.iac_guard.testing
import rego.v1

test_default_factory_is_denied if {
	public_network.deny == {{
		"msg": "Data Factory azurerm_data_factory.adf accepts connections from public networks",
		"resource": "azurerm_data_factory.adf",
		"file": "main.tf",
		"attribute": "public_network_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_data_factory", "adf", {})])
}

test_enabled_or_null_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_data_factory.a", "azurerm_data_factory.b"} with input as testing.tf([
		testing.tf_resource("azurerm_data_factory", "a", {"public_network_enabled": true}),
		testing.tf_resource("azurerm_data_factory", "b", {"public_network_enabled": null}),
	])
}

test_private_or_unknown_passes if {
	count(public_network.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_data_factory", "a", {"public_network_enabled": false}),
		testing.tf_resource("azurerm_data_factory", "b", {"public_network_enabled": testing.unknown("var.public")}),
	])
}
