# METADATA
# title: SQL server has no auditing
# description: >-
#   Without an extended auditing policy, logins, permission changes and queries against
#   the server leave no audit trail for incident response or compliance.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview
# custom:
#   id: IAC-AZ-SQL-003
#   severity: medium
#   remediation: >-
#     Add an `azurerm_mssql_server_extended_auditing_policy` with `server_id` set to the
#     server and `retention_in_days` of 90 or more (or the server's
#     `extended_auditing_policy` block on older providers).
#   frameworks: [CIS-AZURE-4.1.1]
#   kinds: [terraform]
#   forms:
#     - >-
#       `azurerm_mssql_server` / `azurerm_sql_server` without an inline
#       `extended_auditing_policy` and without a separate
#       `azurerm_mssql_server_extended_auditing_policy` naming it by `server_id`
#   not_flagged:
#     - >-
#       database-level auditing policies
#       (`azurerm_mssql_database_extended_auditing_policy`): the rule asks for server-wide
#       auditing
#     - >-
#       auditing configured by Azure Policy outside the scanned code
package iac_guard.azure.sql.auditing

import data.iac_guard.lib
import rego.v1

audited := lib.pointers("azurerm_mssql_server_extended_auditing_policy", "server_id")

deny contains result if {
	some rtype in ["azurerm_mssql_server", "azurerm_sql_server"]
	some r in lib.managed(rtype)
	not lib.has_block(r.values, "extended_auditing_policy")
	not audited[lib.address_key(r)]
	result := lib.finding(r, sprintf("SQL server %s has no auditing policy", [r.address]), "extended_auditing_policy")
}
