# METADATA
# title: Database server allows public network access
# description: >-
#   With public network access enabled (the default), the server has a public endpoint
#   and only firewall rules stand between it and the internet.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access
# custom:
#   id: IAC-AZ-SQL-002
#   severity: medium
#   remediation: 'Set `public_network_access_enabled = false` and connect through private endpoints.'
#   kinds: [terraform]
#   forms:
#     - >-
#       `public_network_access_enabled` absent, null or true on `azurerm_mssql_server`,
#       `azurerm_postgresql_server`, `azurerm_mysql_server`, `azurerm_mariadb_server`
#   not_flagged:
#     - >-
#       flexible servers, whose network mode is chosen by `delegated_subnet_id`
#     - >-
#       an unknown value
package iac_guard.azure.sql.public_network

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some rtype in ["azurerm_mssql_server", "azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]
	some r in lib.managed(rtype)
	lib.true_or_missing(r.values, "public_network_access_enabled")
	result := lib.finding(r, sprintf("database server %s allows public network access", [r.address]), "public_network_access_enabled")
}
