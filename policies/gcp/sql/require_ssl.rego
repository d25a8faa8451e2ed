# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: >-
#   Unless SSL/TLS is required, clients may connect in plain text and send credentials
#   and query results unencrypted.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
# custom:
#   id: IAC-GCP-SQL-002
#   severity: high
#   remediation: >-
#     In `settings { ip_configuration { ... } }` set `ssl_mode = "ENCRYPTED_ONLY"` (or
#     `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"`; `require_ssl = true` on older providers).
#   frameworks: [CIS-GCP-6.4]
#   kinds: [terraform]
#   forms:
#     - >-
#       `settings.ip_configuration` without `require_ssl = true` and with `ssl_mode` other
#       than ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or no `ip_configuration`
#       at all
#   not_flagged:
#     - >-
#       unknown `ssl_mode` / `require_ssl` values or settings
package iac_guard.gcp.sql.require_ssl

import data.iac_guard.lib
import rego.v1

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

requires_ssl(ip) if lib.is_true(ip.require_ssl)

requires_ssl(ip) if encrypted_modes[ip.ssl_mode]

requires_ssl(ip) if lib.is_unknown(ip.ssl_mode)

requires_ssl(ip) if lib.is_unknown(ip.require_ssl)

requires_ssl(ip) if lib.is_unknown(ip)

deny contains result if {
	some r in lib.managed("google_sql_database_instance")
	settings := lib.block(r.values, "settings")
	not lib.is_unknown(settings)
	not requires_ssl(lib.block_or_empty(settings, "ip_configuration"))
	result := lib.finding(r, sprintf("Cloud SQL instance %s does not require SSL/TLS connections", [r.address]), "settings.0.ip_configuration")
}
