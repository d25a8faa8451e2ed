package iac_guard.azure.frontdoor.waf_prevention_test

import data.iac_guard.azure.frontdoor.waf_prevention
import data.iac_guard.testing
import rego.v1

test_detection_policy_is_denied if {
	waf_prevention.deny == {{
		"msg": "Front Door WAF policy azurerm_cdn_frontdoor_firewall_policy.p is in Detection mode: attacks are logged, not blocked",
		"resource": "azurerm_cdn_frontdoor_firewall_policy.p",
		"file": "main.tf",
		"attribute": "mode",
	}} with input as testing.tf([testing.tf_resource("azurerm_cdn_frontdoor_firewall_policy", "p", {"sku_name": "Premium_AzureFrontDoor", "mode": "Detection"})])
}

test_every_form_is_denied if {
	testing.located(waf_prevention.deny) == {
		["azurerm_frontdoor_firewall_policy.a", "mode"],
		["azurerm_cdn_frontdoor_firewall_policy.b", "enabled"],
		["azurerm_frontdoor_firewall_policy.c", "enabled"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_frontdoor_firewall_policy", "a", {"mode": "Detection"}),
		testing.tf_resource("azurerm_cdn_frontdoor_firewall_policy", "b", {"mode": "Prevention", "enabled": false}),
		testing.tf_resource("azurerm_frontdoor_firewall_policy", "c", {"mode": "Detection", "enabled": false}),
	])
}

test_prevention_defaults_or_unknown_pass if {
	count(waf_prevention.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_cdn_frontdoor_firewall_policy", "a", {"mode": "Prevention"}),
		testing.tf_resource("azurerm_frontdoor_firewall_policy", "b", {}),
		testing.tf_resource("azurerm_cdn_frontdoor_firewall_policy", "c", {"mode": testing.unknown("var.mode")}),
	])
}
