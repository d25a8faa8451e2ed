package iac_guard.azure.appservice.remote_debugging_test

import data.iac_guard.azure.appservice.remote_debugging
import data.iac_guard.testing
import rego.v1

test_remote_debugging_is_denied if {
	remote_debugging.deny == {{
		"msg": "app azurerm_linux_web_app.web has remote debugging enabled",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "site_config.0.remote_debugging_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {"site_config": [{"remote_debugging_enabled": true, "remote_debugging_version": "VS2022"}]})])
}

test_legacy_and_function_apps_are_denied if {
	testing.addresses(remote_debugging.deny) == {"azurerm_app_service.a", "azurerm_windows_function_app.b"} with input as testing.tf([
		testing.tf_resource("azurerm_app_service", "a", {"site_config": [{"remote_debugging_enabled": "true"}]}),
		testing.tf_resource("azurerm_windows_function_app", "b", {"site_config": [{"remote_debugging_enabled": true}]}),
	])
}

test_disabled_unset_or_unknown_pass if {
	count(remote_debugging.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"site_config": [{"remote_debugging_enabled": false}]}),
		testing.tf_resource("azurerm_app_service", "b", {}),
		testing.tf_resource("azurerm_windows_web_app", "c", {"site_config": [{"remote_debugging_enabled": testing.unknown("var.debug")}]}),
	])
}
