# METADATA
# title: Cloud SQL for SQL Server allows external scripts
# description: >-
#   `external scripts enabled` lets users run R and Python scripts on the database
#   server with `sp_execute_external_script`, code outside the database engine's
#   security boundary.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: IAC-GCP-SQL-008
#   severity: medium
#   remediation: >-
#     Remove `database_flags { name = "external scripts enabled" value = "on" }` from
#     `settings` of the SQL Server `google_sql_database_instance`, or set it to "off".
#   frameworks: [CIS-GCP-6.3.1]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "external scripts enabled" (values on / true / 1, any case) on a SQLSERVER database_version
#   not_flagged:
#     - a missing flag (off by default)
#     - instances of other engines, unknown settings, flag lists or values
package iac_guard.gcp.sql.sqlserver_external_scripts

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("SQL Server instance %s turns on external scripts enabled", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	[i, v] := gcp.sql_flag(settings, "external scripts enabled")
	gcp.truthy(v)
}
