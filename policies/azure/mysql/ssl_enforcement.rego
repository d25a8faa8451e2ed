# METADATA
# title: MySQL server does not enforce TLS connections
# description: >-
#   Without SSL enforcement the server accepts unencrypted connections: passwords and
#   query results cross the network in clear text.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
# custom:
#   id: IAC-AZ-MYSQL-001
#   severity: high
#   remediation: >-
#     Flexible server: remove the `azurerm_mysql_flexible_server_configuration` that sets
#     `require_secure_transport` to "OFF" (ON is the default). Single server: set
#     `ssl_enforcement_enabled = true` (azurerm v2: `ssl_enforcement = "Enabled"`).
#   frameworks: [CIS-AZURE-4.4.1]
#   kinds: [terraform]
#   forms:
#     - azurerm_mysql_flexible_server_configuration require_secure_transport = OFF / 0 / false (any case)
#     - azurerm_mysql_server ssl_enforcement_enabled = false (azurerm v3)
#     - azurerm_mysql_server ssl_enforcement = "Disabled" (azurerm v2)
#   not_flagged:
#     - >-
#       Flexible servers with no require_secure_transport configuration: it is ON by
#       default. Unknown values.
package iac_guard.azure.mysql.ssl_enforcement

import data.iac_guard.lib
import rego.v1

off(value) if lib.lowercase(value) in {"off", "0", "false"}

off(value) if value == false

deny contains result if {
	some r in lib.managed("azurerm_mysql_flexible_server_configuration")
	lib.lowercase(r.values.name) == "require_secure_transport"
	off(r.values.value)
	result := lib.finding(r, sprintf("%s turns off require_secure_transport: the server accepts unencrypted connections", [r.address]), "value")
}

deny contains result if {
	some r in lib.managed("azurerm_mysql_server")
	lib.is_false(r.values.ssl_enforcement_enabled)
	result := lib.finding(r, sprintf("MySQL server %s does not enforce TLS connections", [r.address]), "ssl_enforcement_enabled")
}

deny contains result if {
	some r in lib.managed("azurerm_mysql_server")
	lib.lowercase(r.values.ssl_enforcement) == "disabled"
	result := lib.finding(r, sprintf("MySQL server %s does not enforce TLS connections", [r.address]), "ssl_enforcement")
}
