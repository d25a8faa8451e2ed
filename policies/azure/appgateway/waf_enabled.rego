# METADATA
# title: Application Gateway has no web application firewall
# description: >-
#   Without a WAF, the gateway forwards SQL injection, cross-site scripting and other
#   OWASP Top 10 attacks to the applications behind it unchecked.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/ag-overview
# custom:
#   id: IAC-AZ-AGW-001
#   severity: medium
#   remediation: >-
#     Use the WAF_v2 SKU and attach an `azurerm_web_application_firewall_policy` with
#     `firewall_policy_id` (or the inline `waf_configuration { enabled = true }` on older
#     gateways).
#   kinds: [terraform]
#   forms:
#     - firewall_policy_id (a WAF policy resource)
#     - waf_configuration { enabled } block (inline, legacy)
#     - neither, or waf_configuration.enabled = false
#   not_flagged:
#     - >-
#       Unknown values. Gateways serving only internal traffic are flagged too: the scanner
#       cannot tell.
package iac_guard.azure.appgateway.waf_enabled

import data.iac_guard.lib
import rego.v1

protected(values) if not object.get(values, "firewall_policy_id", null) in {null, ""}

protected(values) if {
	waf := lib.block(values, "waf_configuration")
	not lib.false_or_missing(waf, "enabled")
}

protected(values) if lib.is_unknown(values.waf_configuration)

deny contains result if {
	some r in lib.managed("azurerm_application_gateway")
	not protected(r.values)
	result := lib.finding(r, sprintf("Application Gateway %s has no web application firewall", [r.address]), attribute(r.values))
}

attribute(values) := "waf_configuration.0.enabled" if lib.has_block(values, "waf_configuration")

else := "waf_configuration"
