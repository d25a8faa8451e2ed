# METADATA
# title: Cloud SQL for SQL Server enables cross-database ownership chaining
# description: >-
#   Cross-database ownership chaining lets a database owner reach objects in other
#   databases on the instance through ownership chains, bypassing their permission
#   checks.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: IAC-GCP-SQL-006
#   severity: medium
#   remediation: >-
#     Remove `database_flags { name = "cross db ownership chaining" value = "on" }` from
#     `settings` of the SQL Server `google_sql_database_instance`, or set it to "off".
#   frameworks: [CIS-GCP-6.3.2]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "cross db ownership chaining" (values on / true / 1, any case) on a SQLSERVER database_version
#   not_flagged:
#     - a missing flag (off by default)
#     - instances of other engines, unknown settings, flag lists or values
package iac_guard.gcp.sql.sqlserver_cross_db_ownership

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("SQL Server instance %s turns on cross db ownership chaining", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	[i, v] := gcp.sql_flag(settings, "cross db ownership chaining")
	gcp.truthy(v)
}
