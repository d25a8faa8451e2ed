# METADATA
# title: Cosmos DB account is not encrypted with a customer-managed key
# description: >-
#   Cosmos DB encrypts data with Microsoft-managed keys unless a Key Vault key is given;
#   a customer-managed key lets the organisation control rotation and revoke access to
#   the data. It can only be set when the account is created.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-customer-managed-keys
# custom:
#   id: IAC-AZ-COSMOS-005
#   severity: low
#   remediation: 'Set `key_vault_key_id` to a Key Vault key (versionless id) the account identity can use.'
#   kinds: [terraform]
#   forms:
#     - key_vault_key_id absent, null or ""
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.cosmosdb.customer_managed_key

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_cosmosdb_account")
	object.get(r.values, "key_vault_key_id", null) in {null, ""}
	result := lib.finding(r, sprintf("Cosmos DB account %s is not encrypted with a customer-managed key", [r.address]), "key_vault_key_id")
}
