package iac_guard.azure.appservice.https_only_test

import data.iac_guard.azure.appservice.https_only
import data.iac_guard.testing
import rego.v1

test_http_app_is_denied if {
	https_only.deny == {{
		"msg": "app azurerm_linux_web_app.web accepts plain HTTP (https_only is not true)",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "https_only",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {"https_only": false})])
}

test_every_type_without_https_only_is_denied if {
	testing.addresses(https_only.deny) == {
		"azurerm_windows_web_app.a", "azurerm_linux_function_app.b",
		"azurerm_app_service.c", "azurerm_function_app.d", "azurerm_windows_web_app_slot.e",
	} with input as testing.tf([
		testing.tf_resource("azurerm_windows_web_app", "a", {}),
		testing.tf_resource("azurerm_linux_function_app", "b", {"https_only": null}),
		testing.tf_resource("azurerm_app_service", "c", {"https_only": "false"}),
		testing.tf_resource("azurerm_function_app", "d", {}),
		testing.tf_resource("azurerm_windows_web_app_slot", "e", {}),
	])
}

test_https_only_or_unknown_passes if {
	count(https_only.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"https_only": true}),
		testing.tf_resource("azurerm_app_service", "b", {"https_only": true}),
		testing.tf_resource("azurerm_windows_function_app", "c", {"https_only": testing.unknown("var.https")}),
	])
}
