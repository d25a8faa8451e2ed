package iac_guard.azure.appservice.authentication_test

import data.iac_guard.azure.appservice.authentication
import data.iac_guard.testing
import rego.v1

test_app_without_auth_is_denied if {
	authentication.deny == {{
		"msg": "web app azurerm_linux_web_app.web has no App Service authentication",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "auth_settings_v2",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {})])
}

test_disabled_auth_in_every_form_is_denied if {
	testing.located(authentication.deny) == {
		["azurerm_windows_web_app.a", "auth_settings_v2.0.auth_enabled"],
		["azurerm_app_service.b", "auth_settings.0.enabled"],
		["azurerm_linux_web_app_slot.c", "auth_settings.0.enabled"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_windows_web_app", "a", {"auth_settings_v2": [{"auth_enabled": false}]}),
		testing.tf_resource("azurerm_app_service", "b", {"auth_settings": [{"enabled": false}]}),
		testing.tf_resource("azurerm_linux_web_app_slot", "c", {"auth_settings": [{"enabled": null}]}),
	])
}

test_auth_function_apps_or_unknown_pass if {
	count(authentication.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"auth_settings_v2": [{"auth_enabled": true}]}),
		testing.tf_resource("azurerm_windows_web_app", "b", {"auth_settings": [{"enabled": true}]}),
		testing.tf_resource("azurerm_app_service", "c", {"auth_settings": [{"enabled": "true"}]}),
		testing.tf_resource("azurerm_linux_function_app", "d", {}),
		testing.tf_resource("azurerm_linux_web_app", "e", {"auth_settings_v2": testing.unknown("local.auth")}),
		testing.tf_resource("azurerm_linux_web_app", "f", {"auth_settings_v2": [{"auth_enabled": testing.unknown("var.auth")}]}),
	])
}
