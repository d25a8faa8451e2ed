# METADATA
# title: Microsoft Defender for Cloud plan is on the Free tier
# description: >-
#   On the Free tier a Defender plan gives only posture recommendations: no threat
#   detection, alerts or vulnerability assessment for the resources it covers, so
#   attacks on them go unnoticed.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/defender-for-cloud/enable-enhanced-security
# custom:
#   id: IAC-AZ-DEF-001
#   severity: medium
#   remediation: 'Set `tier = "Standard"` on the `azurerm_security_center_subscription_pricing` for the resource type.'
#   frameworks: [CIS-AZURE-2.1.1, CIS-AZURE-2.1.2, CIS-AZURE-2.1.3, CIS-AZURE-2.1.4, CIS-AZURE-2.1.5, CIS-AZURE-2.1.6, CIS-AZURE-2.1.7, CIS-AZURE-2.1.8, CIS-AZURE-2.1.9, CIS-AZURE-2.1.10, CIS-AZURE-2.1.11]
#   kinds: [terraform]
#   forms:
#     - azurerm_security_center_subscription_pricing tier = "Free" (any case)
#     - resource_type absent (azurerm defaults it to VirtualMachines)
#   not_flagged:
#     - >-
#       Plans the code does not manage (a subscription without any pricing resource is not
#       judged: its plans may be set elsewhere). Unknown tiers.
package iac_guard.azure.defender.pricing_tier

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_security_center_subscription_pricing")
	lib.lowercase(r.values.tier) == "free"
	plan := object.get(r.values, "resource_type", "VirtualMachines")
	result := lib.finding(r, sprintf("Defender for Cloud plan %v (%s) is on the Free tier", [plan, r.address]), "tier")
}
