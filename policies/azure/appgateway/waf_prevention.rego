# METADATA
# title: Application Gateway WAF only detects attacks
# description: >-
#   A web application firewall in Detection mode, or a WAF policy that is disabled,
#   logs malicious requests but lets them through to the application.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/ag-overview#waf-modes
# custom:
#   id: IAC-AZ-AGW-002
#   severity: medium
#   remediation: >-
#     Set `policy_settings { mode = "Prevention", enabled = true }` on the
#     `azurerm_web_application_firewall_policy` (inline: `waf_configuration {
#     firewall_mode = "Prevention" }`).
#   kinds: [terraform]
#   forms:
#     - azurerm_application_gateway waf_configuration.firewall_mode = "Detection"
#     - azurerm_web_application_firewall_policy policy_settings.mode = "Detection" or policy_settings.enabled = false
#   not_flagged:
#     - >-
#       A WAF policy without policy_settings, or without mode: the default is Prevention.
#       An inline waf_configuration that is itself disabled (IAC-AZ-AGW-001). Unknown values.
package iac_guard.azure.appgateway.waf_prevention

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_application_gateway")
	waf := lib.block(r.values, "waf_configuration")
	not lib.is_false(waf.enabled)
	lib.lowercase(waf.firewall_mode) == "detection"
	result := lib.finding(r, sprintf("Application Gateway %s WAF is in Detection mode: attacks are logged, not blocked", [r.address]), "waf_configuration.0.firewall_mode")
}

deny contains result if {
	some r in lib.managed("azurerm_web_application_firewall_policy")
	lib.lowercase(lib.block(r.values, "policy_settings").mode) == "detection"
	result := lib.finding(r, sprintf("WAF policy %s is in Detection mode: attacks are logged, not blocked", [r.address]), "policy_settings.0.mode")
}

deny contains result if {
	some r in lib.managed("azurerm_web_application_firewall_policy")
	lib.is_false(lib.block(r.values, "policy_settings").enabled)
	result := lib.finding(r, sprintf("WAF policy %s is disabled", [r.address]), "policy_settings.0.enabled")
}
