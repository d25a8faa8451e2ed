# METADATA
# title: Cloud SQL for SQL Server error messages are not masked
# description: >-
#   Without trace flag 3625, error messages returned to users who are not sysadmin can
#   include object names, data values and other details that help an attacker probe the
#   database.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: IAC-GCP-SQL-011
#   severity: low
#   remediation: >-
#     Add `database_flags { name = "3625" value = "on" }` to `settings` of the SQL
#     Server `google_sql_database_instance`.
#   frameworks: [CIS-GCP-6.3.6]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "3625" on a SQLSERVER database_version (on / true / 1 and off / false / 0, any case)
#     - no 3625 entry (the trace flag is off by default)
#   not_flagged:
#     - instances of other engines
#     - unknown settings or flag lists, and flag entries whose name or value is unknown
package iac_guard.gcp.sql.sqlserver_trace_flag_3625

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("SQL Server instance %s: trace flag 3625 is off", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	[i, v] := gcp.sql_flag(settings, "3625")
	not gcp.truthy(v)
}

deny contains lib.finding(r, sprintf("SQL Server instance %s does not set 3625 to on", [r.address]), "settings.0.database_flags") if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	not gcp.sql_flags_unknown(settings, "3625")
	not gcp.sql_flag(settings, "3625")
}
