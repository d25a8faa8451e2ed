package iac_guard.azure.appservice.http2_test

import data.iac_guard.azure.appservice.http2
import data.iac_guard.testing
import rego.v1

test_http1_app_is_denied if {
	http2.deny == {{
		"msg": "app azurerm_linux_web_app.web does not use HTTP/2",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "site_config.0.http2_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {"site_config": [{"http2_enabled": false}]})])
}

test_unset_in_every_form_is_denied if {
	testing.located(http2.deny) == {
		["azurerm_app_service.a", "site_config"],
		["azurerm_windows_web_app.b", "site_config"],
		["azurerm_windows_web_app_slot.c", "site_config.0.http2_enabled"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_app_service", "a", {}),
		testing.tf_resource("azurerm_windows_web_app", "b", {"site_config": [{}]}),
		testing.tf_resource("azurerm_windows_web_app_slot", "c", {"site_config": [{"http2_enabled": null}]}),
	])
}

test_http2_function_apps_or_unknown_pass if {
	count(http2.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"site_config": [{"http2_enabled": true}]}),
		testing.tf_resource("azurerm_app_service", "b", {"site_config": [{"http2_enabled": true}]}),
		testing.tf_resource("azurerm_linux_function_app", "c", {"site_config": [{}]}),
		testing.tf_resource("azurerm_windows_web_app", "d", {"site_config": [{"http2_enabled": testing.unknown("var.h2")}]}),
		testing.tf_resource("azurerm_windows_web_app", "e", {"site_config": testing.unknown("local.site")}),
	])
}
