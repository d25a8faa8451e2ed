# METADATA
# title: Key Vault accepts traffic from any network
# description: >-
#   A vault without network ACLs that deny by default answers requests from the whole
#   internet; stolen credentials can then read secrets from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/network-security
# custom:
#   id: IAC-AZ-KV-002
#   severity: medium
#   remediation: >-
#     Add `network_acls { default_action = "Deny", bypass = "AzureServices" }` with the
#     allowed `ip_rules` / `virtual_network_subnet_ids`, or set
#     `public_network_access_enabled = false` and use private endpoints.
#   kinds: [terraform]
#   forms:
#     - >-
#       `purge_protection_enabled` absent, null or false
#   not_flagged:
#     - >-
#       soft delete, always on since 2020 and no longer configurable
package iac_guard.azure.keyvault.network_access

import data.iac_guard.lib
import rego.v1

restricted(values) if lib.is_false(values.public_network_access_enabled)

restricted(values) if lib.is_unknown(values.public_network_access_enabled)

restricted(values) if {
	acls := lib.block(values, "network_acls")
	lib.lowercase(acls.default_action) == "deny"
	not world_ip_rule(acls) # ip_rules = ["0.0.0.0/0"] under Deny admits every address
}

world_ip_rule(acls) if {
	some ip in lib.items(acls.ip_rules)
	lib.is_world(ip)
}

restricted(values) if lib.block_unknown(values, "network_acls", "default_action")

deny contains result if {
	some r in lib.managed("azurerm_key_vault")
	not restricted(r.values)
	result := lib.finding(r, sprintf("Key Vault %s accepts traffic from any network", [r.address]), "network_acls")
}
