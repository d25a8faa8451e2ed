# METADATA
# title: Cloud SQL for SQL Server enables contained database authentication
# description: >-
#   Contained databases authenticate their own users, outside the instance's logins and
#   audit; a database owner can create users that reach the instance unseen, and
#   contained users can be used to escalate privileges.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: IAC-GCP-SQL-007
#   severity: medium
#   remediation: >-
#     Remove `database_flags { name = "contained database authentication" value = "on"
#     }` from `settings` of the SQL Server `google_sql_database_instance`, or set it to
#     "off".
#   frameworks: [CIS-GCP-6.3.7]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "contained database authentication" (values on / true / 1, any case) on a SQLSERVER database_version
#   not_flagged:
#     - a missing flag (off by default)
#     - instances of other engines, unknown settings, flag lists or values
package iac_guard.gcp.sql.sqlserver_contained_db_auth

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("SQL Server instance %s turns on contained database authentication", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("SQLSERVER")
	[i, v] := gcp.sql_flag(settings, "contained database authentication")
	gcp.truthy(v)
}
