# METADATA
# title: PostgreSQL server parameter turns off connection or checkpoint logging
# description: >-
#   log_checkpoints, log_connections and log_disconnections record who connected and
#   when, and connection throttling slows password guessing; turning them off, or
#   keeping server logs three days or less, leaves attacks and failures without a trace.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-logging
# custom:
#   id: IAC-AZ-PG-003
#   severity: low
#   remediation: >-
#     Set the parameter to "on" (or remove the configuration resource), and
#     `log_retention_days` to 4 or more (single server).
#   frameworks: [CIS-AZURE-4.3.2, CIS-AZURE-4.3.3, CIS-AZURE-4.3.4, CIS-AZURE-4.3.5, CIS-AZURE-4.3.6]
#   kinds: [terraform]
#   forms:
#     - azurerm_postgresql_flexible_server_configuration and azurerm_postgresql_configuration (single server)
#     - log_checkpoints, log_connections, log_disconnections, connection_throttling /
#       connection_throttle.enable set to off / 0 / false (any case)
#     - log_retention_days of 1 to 3 (single server)
#   not_flagged:
#     - >-
#       Servers that do not configure these parameters: the defaults differ between
#       single and flexible servers and PostgreSQL versions, and the scanner flags only a
#       parameter explicitly turned off. Unknown values.
package iac_guard.azure.postgresql.logging

import data.iac_guard.lib
import rego.v1

config_types := ["azurerm_postgresql_flexible_server_configuration", "azurerm_postgresql_configuration"]

switches := {"log_checkpoints", "log_connections", "log_disconnections", "connection_throttling", "connection_throttle.enable"}

off(value) if lib.lowercase(value) in {"off", "0", "false"}

off(value) if value == false

deny contains result if {
	some rtype in config_types
	some r in lib.managed(rtype)
	parameter := lib.lowercase(r.values.name)
	switches[parameter]
	off(r.values.value)
	result := lib.finding(r, sprintf("%s turns off %s", [r.address, parameter]), "value")
}

deny contains result if {
	some rtype in config_types
	some r in lib.managed(rtype)
	lib.lowercase(r.values.name) == "log_retention_days"
	days := lib.number(r.values.value)
	days <= 3
	result := lib.finding(r, sprintf("%s keeps server logs only %d days", [r.address, days]), "value")
}
