package iac_guard.azure.frontdoor.waf_attached_test

import data.iac_guard.azure.frontdoor.waf_attached
import data.iac_guard.testing
import rego.v1

profile(name) := testing.tf_resource("azurerm_cdn_frontdoor_profile", name, {"sku_name": "Premium_AzureFrontDoor"})

security_policy(name, profile_id) := testing.tf_resource("azurerm_cdn_frontdoor_security_policy", name, {"cdn_frontdoor_profile_id": profile_id})

test_profile_without_security_policy_is_denied if {
	waf_attached.deny == {{
		"msg": "Front Door profile azurerm_cdn_frontdoor_profile.fd has no WAF security policy",
		"resource": "azurerm_cdn_frontdoor_profile.fd",
		"file": "main.tf",
		"attribute": "sku_name",
	}} with input as testing.tf([profile("fd"), security_policy("other", testing.unknown("azurerm_cdn_frontdoor_profile.other.id"))])
}

test_classic_endpoint_without_waf_is_denied if {
	testing.located(waf_attached.deny) == {["azurerm_frontdoor.classic", "frontend_endpoint.1"]} with input as testing.tf([testing.tf_resource("azurerm_frontdoor", "classic", {"frontend_endpoint": [
		{"name": "www", "web_application_firewall_policy_link_id": testing.unknown("azurerm_frontdoor_firewall_policy.p.id")},
		{"name": "api", "web_application_firewall_policy_link_id": ""},
	]})])
}

test_protected_in_every_form_or_unresolved_pass if {
	count(waf_attached.deny) == 0 with input as testing.tf([
		profile("a"),
		security_policy("a", testing.unknown("azurerm_cdn_frontdoor_profile.a.id")),
		testing.tf_resource("azurerm_frontdoor", "b", {"frontend_endpoint": [{"name": "www", "web_application_firewall_policy_link_id": "/subscriptions/x/waf"}]}),
	])
	count(waf_attached.deny) == 0 with input as testing.tf([profile("c"), security_policy("c", testing.unknown("var.profile_id"))])
}
