# METADATA
# title: Front Door endpoint has no web application firewall
# description: >-
#   Without a WAF policy, Front Door forwards SQL injection, cross-site scripting, bot
#   and other layer-7 attacks from the whole internet to the origins unchecked.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/web-application-firewall/afds/afds-overview
# custom:
#   id: IAC-AZ-FD-002
#   severity: medium
#   remediation: >-
#     Standard/Premium: add an `azurerm_cdn_frontdoor_security_policy` with
#     `cdn_frontdoor_profile_id` set to the profile and a `firewall` association to its
#     domains. Classic: set `web_application_firewall_policy_link_id` on each
#     `frontend_endpoint`.
#   kinds: [terraform]
#   forms:
#     - azurerm_cdn_frontdoor_profile without an azurerm_cdn_frontdoor_security_policy pointing at it (by reference)
#     - classic azurerm_frontdoor frontend_endpoint without web_application_firewall_policy_link_id
#   not_flagged:
#     - >-
#       Which domains the security policy associates (one policy counts for the profile).
#       Security policies whose profile id is unresolved (`var.profile_id`), which may
#       protect any profile of their root module. Unknown values.
package iac_guard.azure.frontdoor.waf_attached

import data.iac_guard.lib
import rego.v1

protected := lib.pointers("azurerm_cdn_frontdoor_security_policy", "cdn_frontdoor_profile_id")

unresolved contains lib.scope(p) if {
	some p in lib.resources("azurerm_cdn_frontdoor_security_policy")
	src := lib.unknown_source(p.values.cdn_frontdoor_profile_id)
	not regex.match(`^(data\.)?[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_-]*\.`, src)
}

deny contains result if {
	some r in lib.managed("azurerm_cdn_frontdoor_profile")
	not lib.pointed_at(r, protected, "id")
	not unresolved[lib.scope(r)]
	result := lib.finding(r, sprintf("Front Door profile %s has no WAF security policy", [r.address]), "sku_name")
}

deny contains result if {
	some r in lib.managed("azurerm_frontdoor")
	some i, endpoint in lib.items(r.values.frontend_endpoint)
	is_object(endpoint)
	object.get(endpoint, "web_application_firewall_policy_link_id", null) in {null, ""}
	result := lib.finding(r, sprintf("Front Door %s frontend endpoint %v has no WAF policy", [r.address, object.get(endpoint, "name", i)]), sprintf("frontend_endpoint.%d", [i]))
}
