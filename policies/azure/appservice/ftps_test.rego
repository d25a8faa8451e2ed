package iac_guard.azure.appservice.ftps_test

import data.iac_guard.azure.appservice.ftps
import data.iac_guard.testing
import rego.v1

test_all_allowed_is_denied if {
	ftps.deny == {{
		"msg": "app azurerm_windows_web_app.web allows plain FTP (ftps_state AllAllowed)",
		"resource": "azurerm_windows_web_app.web",
		"file": "main.tf",
		"attribute": "site_config.0.ftps_state",
	}} with input as testing.tf([testing.tf_resource("azurerm_windows_web_app", "web", {"site_config": [{"ftps_state": "AllAllowed"}]})])
}

test_legacy_default_is_denied if {
	testing.located(ftps.deny) == {
		["azurerm_app_service.a", "site_config"],
		["azurerm_function_app.b", "site_config"],
		["azurerm_app_service_slot.c", "site_config.0.ftps_state"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_app_service", "a", {}),
		testing.tf_resource("azurerm_function_app", "b", {"site_config": [{"http2_enabled": true, "ftps_state": null}]}),
		testing.tf_resource("azurerm_app_service_slot", "c", {"site_config": [{"ftps_state": "AllAllowed"}]}),
	])
}

test_ftps_only_disabled_defaults_or_unknown_pass if {
	count(ftps.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {}),
		testing.tf_resource("azurerm_linux_function_app", "b", {"site_config": [{}]}),
		testing.tf_resource("azurerm_app_service", "c", {"site_config": [{"ftps_state": "FtpsOnly"}]}),
		testing.tf_resource("azurerm_function_app", "d", {"site_config": [{"ftps_state": "Disabled"}]}),
		testing.tf_resource("azurerm_app_service", "e", {"site_config": [{"ftps_state": testing.unknown("var.ftps")}]}),
		testing.tf_resource("azurerm_app_service", "f", {"site_config": testing.unknown("local.site")}),
		testing.tf_resource("azurerm_app_service", "g", {"site_config": [testing.unknown("local.site")]}),
	])
}
