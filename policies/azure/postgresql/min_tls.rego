# METADATA
# title: PostgreSQL server accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses; a server that accepts them lets clients
#   negotiate them and exposes credentials and data to downgrade attacks.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/security-tls
# custom:
#   id: IAC-AZ-PG-002
#   severity: medium
#   remediation: >-
#     Flexible server: set the `ssl_min_protocol_version` configuration to "TLSv1.2" (the
#     default). Single server: set `ssl_minimal_tls_version_enforced = "TLS1_2"`.
#   kinds: [terraform]
#   forms:
#     - azurerm_postgresql_flexible_server_configuration ssl_min_protocol_version = TLSv1 / TLSv1.1
#     - azurerm_postgresql_server ssl_minimal_tls_version_enforced = TLS1_0 / TLS1_1 / TLSEnforcementDisabled
#   not_flagged:
#     - >-
#       Servers that do not set a version: the flexible server defaults to TLSv1.2 and
#       azurerm v3 defaults single servers to TLS1_2 (azurerm v2 defaulted to
#       TLSEnforcementDisabled; single servers are retired). Unknown values.
package iac_guard.azure.postgresql.min_tls

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_postgresql_flexible_server_configuration")
	lib.lowercase(r.values.name) == "ssl_min_protocol_version"
	lib.lowercase(r.values.value) in {"tlsv1", "tlsv1.0", "tlsv1.1"}
	result := lib.finding(r, sprintf("%s lets the server accept %s", [r.address, r.values.value]), "value")
}

deny contains result if {
	some r in lib.managed("azurerm_postgresql_server")
	version := r.values.ssl_minimal_tls_version_enforced
	version in {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}
	result := lib.finding(r, sprintf("PostgreSQL server %s accepts TLS older than 1.2 (%s)", [r.address, version]), "ssl_minimal_tls_version_enforced")
}
