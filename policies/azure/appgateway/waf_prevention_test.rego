package iac_guard.azure.appgateway.waf_prevention_test

import data.iac_guard.azure.appgateway.waf_prevention
import data.iac_guard.testing
import rego.v1

test_detection_policy_is_denied if {
	waf_prevention.deny == {{
		"msg": "WAF policy azurerm_web_application_firewall_policy.p is in Detection mode: attacks are logged, not blocked",
		"resource": "azurerm_web_application_firewall_policy.p",
		"file": "main.tf",
		"attribute": "policy_settings.0.mode",
	}} with input as testing.tf([testing.tf_resource("azurerm_web_application_firewall_policy", "p", {"policy_settings": [{"enabled": true, "mode": "Detection"}]})])
}

test_every_form_is_denied if {
	testing.located(waf_prevention.deny) == {
		["azurerm_application_gateway.a", "waf_configuration.0.firewall_mode"],
		["azurerm_web_application_firewall_policy.b", "policy_settings.0.enabled"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_application_gateway", "a", {"waf_configuration": [{"enabled": true, "firewall_mode": "Detection"}]}),
		testing.tf_resource("azurerm_web_application_firewall_policy", "b", {"policy_settings": [{"enabled": false}]}),
	])
}

test_prevention_defaults_or_unknown_pass if {
	count(waf_prevention.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_application_gateway", "a", {"waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]}),
		testing.tf_resource("azurerm_application_gateway", "b", {"waf_configuration": [{"enabled": false, "firewall_mode": "Detection"}]}),
		testing.tf_resource("azurerm_web_application_firewall_policy", "c", {"managed_rules": [{}]}),
		testing.tf_resource("azurerm_web_application_firewall_policy", "d", {"policy_settings": [{"mode": "Prevention"}]}),
		testing.tf_resource("azurerm_web_application_firewall_policy", "e", {"policy_settings": [{"mode": testing.unknown("var.mode")}]}),
	])
}
