package iac_guard.azure.appservice.managed_identity_test

import data.iac_guard.azure.appservice.managed_identity
import data.iac_guard.testing
import rego.v1

test_app_without_identity_is_denied if {
	managed_identity.deny == {{
		"msg": "app azurerm_linux_function_app.fn has no managed identity",
		"resource": "azurerm_linux_function_app.fn",
		"file": "main.tf",
		"attribute": "identity",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_function_app", "fn", {})])
}

test_empty_identity_and_legacy_are_denied if {
	testing.addresses(managed_identity.deny) == {"azurerm_app_service.a", "azurerm_windows_web_app.b", "azurerm_function_app.c"} with input as testing.tf([
		testing.tf_resource("azurerm_app_service", "a", {"identity": []}),
		testing.tf_resource("azurerm_windows_web_app", "b", {"identity": [{"type": ""}]}),
		testing.tf_resource("azurerm_function_app", "c", {}),
	])
}

test_identity_or_unknown_passes if {
	count(managed_identity.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"identity": [{"type": "SystemAssigned"}]}),
		testing.tf_resource("azurerm_app_service", "b", {"identity": [{"type": "UserAssigned", "identity_ids": ["x"]}]}),
		testing.tf_resource("azurerm_windows_function_app", "c", {"identity": testing.unknown("local.identity")}),
		testing.tf_resource("azurerm_windows_web_app", "d", {"identity": [{"type": testing.unknown("var.type")}]}),
	])
}
