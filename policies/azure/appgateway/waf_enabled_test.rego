package iac_guard.azure.appgateway.waf_enabled_test

import data.iac_guard.azure.appgateway.waf_enabled
import data.iac_guard.testing
import rego.v1

agw(name, values) := testing.tf_resource("azurerm_application_gateway", name, values)

test_gateway_without_waf_is_denied if {
	waf_enabled.deny == {{
		"msg": "Application Gateway azurerm_application_gateway.gw has no web application firewall",
		"resource": "azurerm_application_gateway.gw",
		"file": "main.tf",
		"attribute": "waf_configuration",
	}} with input as testing.tf([agw("gw", {"sku": [{"name": "Standard_v2", "tier": "Standard_v2"}]})])
}

test_disabled_inline_waf_is_denied if {
	testing.located(waf_enabled.deny) == {["azurerm_application_gateway.a", "waf_configuration.0.enabled"], ["azurerm_application_gateway.b", "waf_configuration"]} with input as testing.tf([
		agw("a", {"waf_configuration": [{"enabled": false, "firewall_mode": "Prevention"}]}),
		agw("b", {"firewall_policy_id": ""}),
	])
}

test_waf_in_every_form_or_unknown_passes if {
	count(waf_enabled.deny) == 0 with input as testing.tf([
		agw("a", {"firewall_policy_id": testing.unknown("azurerm_web_application_firewall_policy.p.id")}),
		agw("b", {"waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]}),
		agw("c", {"waf_configuration": testing.unknown("local.waf")}),
		agw("d", {"waf_configuration": [{"enabled": testing.unknown("var.waf")}]}),
	])
}
