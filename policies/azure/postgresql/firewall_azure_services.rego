# METADATA
# title: PostgreSQL firewall admits every Azure service
# description: >-
#   A firewall rule from 0.0.0.0 to 0.0.0.0 ("Allow access to Azure services") admits
#   connections from any Azure datacenter address, including resources of every other
#   Azure customer: the server is then only protected by its passwords.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-firewall-rules#connect-from-azure
# custom:
#   id: IAC-AZ-PG-005
#   severity: medium
#   remediation: >-
#     Remove the 0.0.0.0 rule; allow the callers' own addresses, or use private access
#     (VNet integration) or private endpoints.
#   frameworks: [CIS-AZURE-4.3.7]
#   kinds: [terraform]
#   forms:
#     - azurerm_postgresql_flexible_server_firewall_rule with start and end 0.0.0.0
#     - azurerm_postgresql_firewall_rule (single server) with start and end 0.0.0.0
#   not_flagged:
#     - >-
#       Rules from 0.0.0.0 to 255.255.255.255, reported as the whole internet by
#       IAC-AZ-SQL-001. Unknown addresses.
package iac_guard.azure.postgresql.firewall_azure_services

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some rtype in ["azurerm_postgresql_flexible_server_firewall_rule", "azurerm_postgresql_firewall_rule"]
	some r in lib.managed(rtype)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "0.0.0.0"
	result := lib.finding(r, sprintf("PostgreSQL firewall rule %s admits every Azure service (0.0.0.0)", [r.address]), "start_ip_address")
}
