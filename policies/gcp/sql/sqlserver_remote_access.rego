# METADATA
# title: Cloud SQL for SQL Server allows remote access
# description: >-
#   The `remote access` option lets stored procedures be run from, and on, other SQL
#   Server instances; an attacker who controls one server can use it to run code on this
#   one or to launch denial-of-service attacks from it. Its default is on.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: IAC-GCP-SQL-010
#   severity: medium
#   remediation: >-
#     Add `database_flags { name = "remote access" value = "off" }` to `settings` of the
#     SQL Server `google_sql_database_instance`.
#   frameworks: [CIS-GCP-6.3.5]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "remote access" on a SQLSERVER database_version (on / true / 1 and off / false / 0, any case)
#     - no remote access entry (the option is on by default)
#   not_flagged:
#     - instances of other engines
#     - unknown settings or flag lists, and flag entries whose name or value is unknown
package iac_guard.gcp.sql.sqlserver_remote_access

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("SQL Server instance %s: remote access is on", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	[i, v] := gcp.sql_flag(settings, "remote access")
	gcp.truthy(v)
}

deny contains lib.finding(r, sprintf("SQL Server instance %s does not set remote access to off", [r.address]), "settings.0.database_flags") if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	not gcp.sql_flags_unknown(settings, "remote access")
	not gcp.sql_flag(settings, "remote access")
}
