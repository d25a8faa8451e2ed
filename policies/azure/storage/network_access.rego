# METADATA
# title: Storage account accepts traffic from any network
# description: >-
#   With public network access on and no network rules denying by default, the account's
#   endpoints answer requests from every address on the internet; a leaked key or SAS
#   token works from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
# custom:
#   id: IAC-AZ-STORAGE-005
#   severity: medium
#   remediation: >-
#     Add `network_rules { default_action = "Deny" }` with the allowed `ip_rules` /
#     `virtual_network_subnet_ids` (or an `azurerm_storage_account_network_rules`), or set
#     `public_network_access_enabled = false` and use private endpoints.
#   frameworks: [CIS-AZURE-3.8]
#   kinds: [terraform]
package iac_guard.azure.storage.network_access

import data.iac_guard.lib
import rego.v1

# Accounts restricted by a separate azurerm_storage_account_network_rules, named by
# `storage_account_id` or (azurerm v2) `storage_account_name`: by reference or literal name.
separate_rules contains key if {
	some n in lib.resources("azurerm_storage_account_network_rules")
	denies_by_default(n)
	some attr in ["storage_account_id", "storage_account_name"]
	some key in lib.pointer_keys(n, n.values[attr])
}

denies_by_default(n) if lib.lowercase(n.values.default_action) == "deny"

denies_by_default(n) if lib.is_unknown(n.values.default_action)

restricted(r) if lib.is_false(r.values.public_network_access_enabled)

restricted(r) if lib.is_unknown(r.values.public_network_access_enabled)

restricted(r) if lib.lowercase(lib.block(r.values, "network_rules").default_action) == "deny"

restricted(r) if lib.block_unknown(r.values, "network_rules", "default_action")

restricted(r) if lib.pointed_at(r, separate_rules, "name")

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	not restricted(r)
	result := lib.finding(r, sprintf("storage account %s accepts traffic from any network", [r.address]), "network_rules")
}
