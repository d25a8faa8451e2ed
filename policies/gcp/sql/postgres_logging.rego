# METADATA
# title: Cloud SQL for PostgreSQL does not log connections
# description: >-
#   Without the `log_connections` and `log_disconnections` flags, who connected to the
#   database and when is not recorded, so unauthorised access cannot be audited.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/flags
# custom:
#   id: IAC-GCP-SQL-004
#   severity: low
#   remediation: >-
#     Add `database_flags { name = "log_connections" value = "on" }` and
#     `database_flags { name = "log_disconnections" value = "on" }` to `settings`.
#   frameworks: [CIS-GCP-6.2.2, CIS-GCP-6.2.3]
#   kinds: [terraform]
#   forms:
#     - >-
#       PostgreSQL instances (`database_version` POSTGRES_*) whose `settings.database_flags`
#       lack `log_connections` or `log_disconnections` set to `on` (any case)
#   not_flagged:
#     - >-
#       MySQL and SQL Server instances
#     - >-
#       flag lists with unknown names or values
#     - >-
#       the other PostgreSQL logging flags CIS lists separately (log_checkpoints,
#       log_lock_waits, log_min_duration_statement...): this rule asks for connection
#       logging only
package iac_guard.gcp.sql.postgres_logging

import data.iac_guard.lib
import rego.v1

required_flags := ["log_connections", "log_disconnections"]

deny contains result if {
	some r in lib.managed("google_sql_database_instance")
	is_string(r.values.database_version)
	startswith(r.values.database_version, "POSTGRES")
	settings := lib.block(r.values, "settings")
	not lib.is_unknown(settings)
	flags := object.get(settings, "database_flags", [])
	not lib.is_unknown(flags)
	not some_unknown(flags)
	missing := [name | some name in required_flags; not on(flags, name)]
	count(missing) > 0
	result := lib.finding(r, sprintf("PostgreSQL instance %s does not set %s to on", [r.address, concat(", ", missing)]), "settings.0.database_flags")
}

on(flags, name) if {
	some flag in lib.items(flags)
	flag.name == name
	lib.lowercase(flag.value) == "on"
}

some_unknown(flags) if {
	some flag in lib.items(flags)
	lib.is_unknown(flag.name)
}

some_unknown(flags) if {
	some flag in lib.items(flags)
	lib.is_unknown(flag.value)
}
