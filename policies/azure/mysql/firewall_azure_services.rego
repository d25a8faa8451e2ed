# METADATA
# title: MySQL firewall admits every Azure service
# description: >-
#   A firewall rule from 0.0.0.0 to 0.0.0.0 ("Allow access to Azure services") admits
#   connections from any Azure datacenter address, including resources of every other
#   Azure customer: the server is then only protected by its passwords.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-networking-public#allow-all-azure-ip-addresses
# custom:
#   id: IAC-AZ-MYSQL-005
#   severity: medium
#   remediation: >-
#     Remove the 0.0.0.0 rule; allow the callers' own addresses, or use private access
#     (VNet integration) or private endpoints.
#   kinds: [terraform]
#   forms:
#     - azurerm_mysql_flexible_server_firewall_rule with start and end 0.0.0.0
#     - azurerm_mysql_firewall_rule (single server) with start and end 0.0.0.0
#   not_flagged:
#     - >-
#       Rules from 0.0.0.0 to 255.255.255.255, reported as the whole internet by
#       IAC-AZ-SQL-001. Unknown addresses.
package iac_guard.azure.mysql.firewall_azure_services

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some rtype in ["azurerm_mysql_flexible_server_firewall_rule", "azurerm_mysql_firewall_rule"]
	some r in lib.managed(rtype)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "0.0.0.0"
	result := lib.finding(r, sprintf("MySQL firewall rule %s admits every Azure service (0.0.0.0)", [r.address]), "start_ip_address")
}
