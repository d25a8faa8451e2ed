package iac_guard.azure.appservice.public_network_test

import data.iac_guard.azure.appservice.public_network
import data.iac_guard.testing
import rego.v1

test_open_app_is_denied if {
	public_network.deny == {{
		"msg": "app azurerm_linux_function_app.fn is reachable from any network",
		"resource": "azurerm_linux_function_app.fn",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_function_app", "fn", {"site_config": [{}]})])
}

test_open_in_every_form_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_windows_web_app.a", "azurerm_linux_web_app.b", "azurerm_linux_web_app_slot.c", "azurerm_windows_function_app.d"} with input as testing.tf([
		testing.tf_resource("azurerm_windows_web_app", "a", {"public_network_access_enabled": true}),
		testing.tf_resource("azurerm_linux_web_app", "b", {"site_config": [{"ip_restriction_default_action": "Allow", "ip_restriction": []}]}),
		testing.tf_resource("azurerm_linux_web_app_slot", "c", {"public_network_access_enabled": null}),
		testing.tf_resource("azurerm_windows_function_app", "d", {"site_config": [{"ip_restriction": [{"ip_address": "0.0.0.0/0"}]}]}),
	])
}

test_private_restricted_legacy_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"public_network_access_enabled": false}),
		testing.tf_resource("azurerm_windows_web_app", "b", {"site_config": [{"ip_restriction": [{"ip_address": "203.0.113.0/24", "action": "Allow"}]}]}),
		testing.tf_resource("azurerm_linux_function_app", "c", {"site_config": [{"ip_restriction_default_action": "Deny"}]}),
		testing.tf_resource("azurerm_app_service", "d", {}),
		testing.tf_resource("azurerm_linux_web_app", "e", {"public_network_access_enabled": testing.unknown("var.public")}),
		testing.tf_resource("azurerm_linux_web_app", "f", {"site_config": testing.unknown("local.site")}),
	])
}
