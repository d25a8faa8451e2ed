# METADATA
# title: Synapse workspace firewall admits the internet or every Azure service
# description: >-
#   A workspace firewall rule from 0.0.0.0 to 255.255.255.255 admits every address on
#   the internet, and one from 0.0.0.0 to 0.0.0.0 ("Allow Azure services") every Azure
#   datacenter address, other customers' resources included: the SQL endpoints are
#   then only protected by their credentials.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/synapse-analytics/security/synapse-workspace-ip-firewall
# custom:
#   id: IAC-AZ-SYN-003
#   severity: high
#   remediation: 'Replace the rule with the address ranges of the callers, or disable public network access.'
#   kinds: [terraform]
#   forms:
#     - azurerm_synapse_firewall_rule 0.0.0.0 - 255.255.255.255 (the portal's "AllowAll")
#     - azurerm_synapse_firewall_rule 0.0.0.0 - 0.0.0.0 ("AllowAllWindowsAzureIps")
#   not_flagged:
#     - >-
#       Broad but partial ranges (a /8). Unknown addresses.
package iac_guard.azure.synapse.firewall_open

import data.iac_guard.lib
import rego.v1

admitted := {"255.255.255.255": "every internet address", "0.0.0.0": "every Azure service"}

deny contains result if {
	some r in lib.managed("azurerm_synapse_firewall_rule")
	r.values.start_ip_address == "0.0.0.0"
	what := admitted[r.values.end_ip_address]
	result := lib.finding(r, sprintf("Synapse firewall rule %s admits %s", [r.address, what]), "end_ip_address")
}
