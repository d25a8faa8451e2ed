# METADATA
# title: Key Vault purge protection is disabled
# description: >-
#   Without purge protection, a deleted vault or key can be purged immediately: an
#   attacker or a mistake destroys the keys, and every piece of data they encrypt,
#   for good.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview#purge-protection
# custom:
#   id: IAC-AZ-KV-001
#   severity: medium
#   remediation: 'Set `purge_protection_enabled = true` (soft delete is then kept for `soft_delete_retention_days`).'
#   frameworks: [CIS-AZURE-8.5]
#   kinds: [terraform]
#   forms:
#     - >-
#       `public_network_access_enabled` absent/true and `network_acls` absent, with
#       `default_action = "Allow"` (any case), or with a world entry in `ip_rules`
#       (`0.0.0.0/0`, any /0) under Deny
#   not_flagged:
#     - >-
#       vaults with public network access off, and unknown values
package iac_guard.azure.keyvault.purge_protection

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_key_vault")
	lib.false_or_missing(r.values, "purge_protection_enabled")
	result := lib.finding(r, sprintf("Key Vault %s has no purge protection", [r.address]), "purge_protection_enabled")
}
