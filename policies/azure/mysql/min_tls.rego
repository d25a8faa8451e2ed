# METADATA
# title: MySQL server accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses; a server that accepts them lets clients
#   negotiate them and exposes credentials and data to downgrade attacks.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
# custom:
#   id: IAC-AZ-MYSQL-002
#   severity: medium
#   remediation: >-
#     Flexible server: set the `tls_version` configuration to "TLSv1.2" (or
#     "TLSv1.2,TLSv1.3"). Single server: set `ssl_minimal_tls_version_enforced = "TLS1_2"`.
#   frameworks: [CIS-AZURE-4.4.2]
#   kinds: [terraform]
#   forms:
#     - azurerm_mysql_flexible_server_configuration tls_version listing TLSv1 or TLSv1.1
#       (a comma-separated list, any case, spaces or not)
#     - azurerm_mysql_server ssl_minimal_tls_version_enforced = TLS1_0 / TLS1_1 / TLSEnforcementDisabled
#   not_flagged:
#     - >-
#       Servers that do not set a version: flexible servers default to TLS 1.2 (and 1.3 on
#       MySQL 8.0), azurerm v3 defaults single servers to TLS1_2 (v2 defaulted to
#       TLSEnforcementDisabled; single servers are retired). Unknown values.
package iac_guard.azure.mysql.min_tls

import data.iac_guard.lib
import rego.v1

old(version) if lower(trim_space(version)) in {"tlsv1", "tlsv1.0", "tlsv1.1"}

deny contains result if {
	some r in lib.managed("azurerm_mysql_flexible_server_configuration")
	lib.lowercase(r.values.name) == "tls_version"
	is_string(r.values.value)
	versions := [trim_space(v) | some v in split(r.values.value, ","); old(v)]
	count(versions) > 0
	result := lib.finding(r, sprintf("%s lets the server accept %s", [r.address, concat(", ", versions)]), "value")
}

deny contains result if {
	some r in lib.managed("azurerm_mysql_server")
	version := r.values.ssl_minimal_tls_version_enforced
	version in {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}
	result := lib.finding(r, sprintf("MySQL server %s accepts TLS older than 1.2 (%s)", [r.address, version]), "ssl_minimal_tls_version_enforced")
}
