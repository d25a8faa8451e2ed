# METADATA
# title: Cosmos DB IP filter admits all of Azure or the whole internet
# description: >-
#   In a Cosmos DB IP filter, 0.0.0.0 accepts connections from every Azure datacenter,
#   that is from any other customer's VMs and functions, and 0.0.0.0/0 from every
#   address: the firewall then only looks restrictive.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall#allow-requests-from-global-azure-datacenters-or-other-sources-within-azure
# custom:
#   id: IAC-AZ-COSMOS-002
#   severity: high
#   remediation: >-
#     Remove 0.0.0.0 and 0.0.0.0/0 from `ip_range_filter`; list the addresses of the
#     callers, or reach the account through private endpoints.
#   frameworks: [CIS-AZURE-4.5.1]
#   kinds: [terraform]
#   forms:
#     - ip_range_filter as a comma-separated string with spaces or not (azurerm v3)
#     - ip_range_filter as a list of strings (azurerm v4)
#     - 0.0.0.0 (all Azure datacenters), 0.0.0.0/0 and other /0 ranges
#   not_flagged:
#     - >-
#       Accounts with `public_network_access_enabled = false`, where the filter does not
#       apply. Unknown entries. The Azure portal's own addresses, which the portal adds for
#       Data Explorer.
package iac_guard.azure.cosmosdb.ip_filter_open

import data.iac_guard.lib
import rego.v1

# [attribute, entry] for each entry of the filter in either form.
entries(values) := {["ip_range_filter", trim_space(e)] |
	some e in split(values.ip_range_filter, ",")
} if is_string(values.ip_range_filter)

entries(values) := {[sprintf("ip_range_filter.%d", [i]), trim_space(e)] |
	some i, e in values.ip_range_filter
	is_string(e)
} if is_array(values.ip_range_filter)

open_entry(e) if e == "0.0.0.0"

open_entry(e) if endswith(e, "/0")

deny contains result if {
	some r in lib.managed("azurerm_cosmosdb_account")
	lib.true_or_missing(r.values, "public_network_access_enabled")
	some [attr, e] in entries(r.values)
	open_entry(e)
	result := lib.finding(r, sprintf("Cosmos DB account %s IP filter admits %s", [r.address, e]), attr)
}
