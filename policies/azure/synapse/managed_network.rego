# METADATA
# title: Synapse workspace has no managed virtual network
# description: >-
#   Without a managed virtual network, Spark pools and integration runtimes run on
#   shared infrastructure and can reach any destination; with it, outbound traffic goes
#   through managed private endpoints and data exfiltration protection can restrict it
#   to approved tenants. It can only be chosen when the workspace is created.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/synapse-analytics/security/synapse-workspace-managed-vnet
# custom:
#   id: IAC-AZ-SYN-002
#   severity: low
#   remediation: 'Set `managed_virtual_network_enabled = true` (and `data_exfiltration_protection_enabled = true`).'
#   kinds: [terraform]
#   forms:
#     - managed_virtual_network_enabled false, null or absent (the default is false)
#   not_flagged:
#     - >-
#       Unknown values. Workspaces with a managed network but no exfiltration protection.
package iac_guard.azure.synapse.managed_network

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_synapse_workspace")
	lib.false_or_missing(r.values, "managed_virtual_network_enabled")
	result := lib.finding(r, sprintf("Synapse workspace %s has no managed virtual network", [r.address]), "managed_virtual_network_enabled")
}
