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

separate_rules contains key if {
	some n in lib.resources("azurerm_storage_account_network_rules")
	lib.lowercase(n.values.default_action) == "deny"
	some key in lib.pointer_keys(n, n.values.storage_account_id)
}

separate_rules contains key if {
	some n in lib.resources("azurerm_storage_account_network_rules")
	lib.is_unknown(n.values.default_action)
	some key in lib.pointer_keys(n, n.values.storage_account_id)
}

restricted(r) if lib.is_false(r.values.public_network_access_enabled)

restricted(r) if lib.is_unknown(r.values.public_network_access_enabled)

restricted(r) if lib.lowercase(lib.block(r.values, "network_rules").default_action) == "deny"

restricted(r) if lib.block_unknown(r.values, "network_rules", "default_action")

restricted(r) if separate_rules[lib.base_address(r.address)]

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	not restricted(r)
	result := lib.finding(r, sprintf("storage account %s accepts traffic from any network", [r.address]), "network_rules")
}
