# METADATA
# title: MySQL server has no audit log
# description: >-
#   Without the audit log, connections, queries and administrative changes to the
#   server leave no record: misuse of a stolen login, or data exfiltration, cannot be
#   investigated. It is off by default.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-audit-logs
# custom:
#   id: IAC-AZ-MYSQL-003
#   severity: low
#   remediation: >-
#     Add an `azurerm_mysql_flexible_server_configuration` (single server:
#     `azurerm_mysql_configuration`) with `name = "audit_log_enabled"` and `value =
#     "ON"`, and `audit_log_events` including CONNECTION.
#   frameworks: [CIS-AZURE-4.4.3]
#   kinds: [terraform]
#   forms:
#     - a server with no audit_log_enabled configuration (the default is OFF), on the server
#     - a configuration setting audit_log_enabled to OFF / 0 / false, on the configuration
#       (the server it names is then not reported again)
#     - configurations naming the server by reference (`server_name = azurerm_mysql_flexible_server.x.name`) or by literal name
#   not_flagged:
#     - >-
#       Servers configured by a configuration whose server or value is unknown. Which
#       events are audited (audit_log_events).
package iac_guard.azure.mysql.audit_log

import data.iac_guard.lib
import rego.v1

pairs := [
	["azurerm_mysql_flexible_server", "azurerm_mysql_flexible_server_configuration"],
	["azurerm_mysql_server", "azurerm_mysql_configuration"],
]

off(value) if lib.lowercase(value) in {"off", "0", "false"}

off(value) if value == false

# Servers (keys as lib.pointer_keys gives them) with an audit_log_enabled configuration:
# one that turns the log off is reported on the configuration itself.
configured contains key if {
	some [_, ctype] in pairs
	some c in lib.resources(ctype)
	lib.lowercase(c.values.name) == "audit_log_enabled"
	some attr in ["server_name", "server_id"]
	some key in lib.pointer_keys(c, c.values[attr])
}

# Configurations whose server is unresolved (`var.server`): they may audit any server.
unresolved contains lib.scope(c) if {
	some [_, ctype] in pairs
	some c in lib.resources(ctype)
	lib.lowercase(c.values.name) == "audit_log_enabled"
	some attr in ["server_name", "server_id"]
	src := lib.unknown_source(c.values[attr])
	not regex.match(`^(data\.)?[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_-]*\.`, src)
}

deny contains result if {
	some [stype, _] in pairs
	some r in lib.managed(stype)
	not lib.pointed_at(r, configured, "name")
	not unresolved[lib.scope(r)]
	result := lib.finding(r, sprintf("MySQL server %s has no audit log (audit_log_enabled is not ON)", [r.address]), "name")
}

deny contains result if {
	some [_, ctype] in pairs
	some c in lib.managed(ctype)
	lib.lowercase(c.values.name) == "audit_log_enabled"
	off(c.values.value)
	result := lib.finding(c, sprintf("%s turns the MySQL audit log off", [c.address]), "value")
}
