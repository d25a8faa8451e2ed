# METADATA
# title: Cosmos DB account accepts account-key authentication
# description: >-
#   Account keys are shared secrets with full access to every database in the account;
#   they cannot be scoped, tied to a person or protected by Conditional Access. With
#   local authentication disabled, clients must use Microsoft Entra ID and Azure RBAC.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
# custom:
#   id: IAC-AZ-COSMOS-004
#   severity: medium
#   remediation: 'Set `local_authentication_disabled = true` and grant data-plane roles with `azurerm_cosmosdb_sql_role_assignment`.'
#   frameworks: [CIS-AZURE-4.5.3]
#   kinds: [terraform]
#   forms:
#     - local_authentication_disabled false, null or absent (the default is false)
#   not_flagged:
#     - >-
#       Unknown values. APIs whose SDKs cannot use Entra ID yet (some MongoDB and Cassandra
#       drivers) are flagged too: disabling keys there needs a client change.
package iac_guard.azure.cosmosdb.local_auth

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_cosmosdb_account")
	lib.false_or_missing(r.values, "local_authentication_disabled")
	result := lib.finding(r, sprintf("Cosmos DB account %s accepts account-key authentication", [r.address]), "local_authentication_disabled")
}
