# METADATA
# title: Cosmos DB account keys can change databases and containers
# description: >-
#   With key-based metadata writes enabled (the default), anyone holding an account key
#   can create, change or delete databases, containers and throughput, not just data;
#   disabling them confines such changes to Azure Resource Manager, under Azure RBAC and
#   the activity log.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/role-based-access-control#prevent-sdk-changes
# custom:
#   id: IAC-AZ-COSMOS-003
#   severity: medium
#   remediation: 'Set `access_key_metadata_writes_enabled = false`.'
#   kinds: [terraform]
#   forms:
#     - access_key_metadata_writes_enabled true, null or absent (the default is true)
#   not_flagged:
#     - >-
#       Unknown values. Accounts with local (key) authentication disabled are still flagged:
#       the setting guards against keys re-enabled later.
package iac_guard.azure.cosmosdb.metadata_writes

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_cosmosdb_account")
	lib.true_or_missing(r.values, "access_key_metadata_writes_enabled")
	result := lib.finding(r, sprintf("Cosmos DB account %s lets account keys change databases and containers", [r.address]), "access_key_metadata_writes_enabled")
}
