# METADATA
# title: Cosmos DB account accepts traffic from any network
# description: >-
#   With public network access on and neither an IP filter nor a virtual network
#   filter, the account's endpoint answers every address on the internet; a leaked key
#   works from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall
# custom:
#   id: IAC-AZ-COSMOS-001
#   severity: medium
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, or restrict
#     access with `ip_range_filter` and/or `is_virtual_network_filter_enabled = true` with
#     `virtual_network_rule` blocks.
#   frameworks: [CIS-AZURE-4.5.1]
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - ip_range_filter as a comma-separated string (azurerm v3) or a list (azurerm v4), empty or absent
#     - is_virtual_network_filter_enabled false or absent
#   not_flagged:
#     - >-
#       Unknown values. Filters that admit 0.0.0.0 or 0.0.0.0/0 are IAC-AZ-COSMOS-002's
#       concern.
package iac_guard.azure.cosmosdb.public_network

import data.iac_guard.lib
import rego.v1

restricted(values) if not lib.true_or_missing(values, "public_network_access_enabled")

restricted(values) if not lib.false_or_missing(values, "is_virtual_network_filter_enabled")

restricted(values) if {
	filter := values.ip_range_filter
	not filter in {null, "", []}
}

deny contains result if {
	some r in lib.managed("azurerm_cosmosdb_account")
	not restricted(r.values)
	result := lib.finding(r, sprintf("Cosmos DB account %s accepts traffic from any network", [r.address]), "public_network_access_enabled")
}
