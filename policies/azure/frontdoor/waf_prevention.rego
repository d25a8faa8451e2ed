# METADATA
# title: Front Door WAF policy only detects attacks
# description: >-
#   A Front Door WAF policy in Detection mode, or disabled, logs malicious requests but
#   lets them through to the origins.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/web-application-firewall/afds/waf-front-door-policy-settings#waf-mode
# custom:
#   id: IAC-AZ-FD-001
#   severity: medium
#   remediation: 'Set `mode = "Prevention"` and `enabled = true` on the Front Door firewall policy.'
#   kinds: [terraform]
#   forms:
#     - azurerm_cdn_frontdoor_firewall_policy (Standard/Premium) mode = "Detection" or enabled = false
#     - azurerm_frontdoor_firewall_policy (classic) mode = "Detection" or enabled = false
#   not_flagged:
#     - >-
#       A classic policy without mode: it defaults to Prevention. Unknown values.
package iac_guard.azure.frontdoor.waf_prevention

import data.iac_guard.lib
import rego.v1

policy_types := ["azurerm_cdn_frontdoor_firewall_policy", "azurerm_frontdoor_firewall_policy"]

deny contains result if {
	some rtype in policy_types
	some r in lib.managed(rtype)
	lib.lowercase(r.values.mode) == "detection"
	not lib.is_false(r.values.enabled)
	result := lib.finding(r, sprintf("Front Door WAF policy %s is in Detection mode: attacks are logged, not blocked", [r.address]), "mode")
}

deny contains result if {
	some rtype in policy_types
	some r in lib.managed(rtype)
	lib.is_false(r.values.enabled)
	result := lib.finding(r, sprintf("Front Door WAF policy %s is disabled", [r.address]), "enabled")
}
