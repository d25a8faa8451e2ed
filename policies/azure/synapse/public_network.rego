# METADATA
# title: Synapse workspace accepts connections from public networks
# description: >-
#   With public network access on (the default), the workspace's SQL, development and
#   serverless endpoints are reachable from the internet and only firewall rules stand
#   in front of the data.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/synapse-analytics/security/connectivity-settings
# custom:
#   id: IAC-AZ-SYN-001
#   severity: medium
#   remediation: 'Set `public_network_access_enabled = false` and use managed private endpoints / private link hubs.'
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.synapse.public_network

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_synapse_workspace")
	lib.true_or_missing(r.values, "public_network_access_enabled")
	result := lib.finding(r, sprintf("Synapse workspace %s accepts connections from public networks", [r.address]), "public_network_access_enabled")
}
