# METADATA
# title: Database firewall rule allows every IP address
# description: >-
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 lets any host on the
#   internet try to log in to the database server.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
# custom:
#   id: IAC-AZ-SQL-001
#   severity: critical
#   remediation: >-
#     Narrow `start_ip_address` / `end_ip_address` to the addresses that need the
#     database, or use private endpoints / virtual network rules instead of firewall rules.
#   frameworks: [CIS-AZURE-4.1.2]
#   kinds: [terraform]
#   forms:
#     - >-
#       `start_ip_address = "0.0.0.0"` with `end_ip_address = "255.255.255.255"` on SQL,
#       MSSQL, PostgreSQL (single and flexible), MySQL (single and flexible) and MariaDB
#       firewall rules
#   not_flagged:
#     - >-
#       the 0.0.0.0-0.0.0.0 rule ("allow Azure services"): it admits Azure-hosted clients,
#       not the whole internet
#     - >-
#       wide ranges that stop short of the whole address space
package iac_guard.azure.sql.firewall_open

import data.iac_guard.lib
import rego.v1

firewall_rule_types := [
	"azurerm_sql_firewall_rule",
	"azurerm_mssql_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

deny contains result if {
	some rtype in firewall_rule_types
	some r in lib.managed(rtype)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
	result := lib.finding(r, sprintf("firewall rule %s allows every IP address", [r.address]), "end_ip_address")
}
