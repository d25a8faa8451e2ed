package iac_guard.azure.datafactory.managed_identity_test

import data.iac_guard.azure.datafactory.managed_identity
import data.iac_guard.testing
import rego.v1

test_factory_without_identity_is_denied if {
	managed_identity.deny == {{
		"msg": "Data Factory azurerm_data_factory.adf has no managed identity",
		"resource": "azurerm_data_factory.adf",
		"file": "main.tf",
		"attribute": "identity",
	}} with input as testing.tf([testing.tf_resource("azurerm_data_factory", "adf", {})])
}

test_empty_identity_is_denied if {
	testing.addresses(managed_identity.deny) == {"azurerm_data_factory.a", "azurerm_data_factory.b"} with input as testing.tf([
		testing.tf_resource("azurerm_data_factory", "a", {"identity": []}),
		testing.tf_resource("azurerm_data_factory", "b", {"identity": [{"type": null}]}),
	])
}

test_identity_or_unknown_passes if {
	count(managed_identity.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_data_factory", "a", {"identity": [{"type": "SystemAssigned"}]}),
		testing.tf_resource("azurerm_data_factory", "b", {"identity": testing.unknown("local.identity")}),
	])
}
