# METADATA
# title: Cloud SQL for MySQL lets every user list all databases
# description: >-
#   Unless `skip_show_database` is on, any user can run SHOW DATABASES and learn the
#   names of every database on the instance, including those they have no privilege on.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/flags
# custom:
#   id: IAC-GCP-SQL-012
#   severity: low
#   remediation: >-
#     Add `database_flags { name = "skip_show_database" value = "on" }` to `settings` of
#     the MySQL `google_sql_database_instance`.
#   frameworks: [CIS-GCP-6.1.2]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "skip_show_database" on a MYSQL database_version (on / true / 1 and off / false / 0, any case)
#     - no skip_show_database entry (off by default)
#   not_flagged:
#     - instances of other engines
#     - unknown settings or flag lists, and flag entries whose name or value is unknown
package iac_guard.gcp.sql.mysql_skip_show_database

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("MySQL instance %s: skip_show_database is off", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("MYSQL")
	[i, v] := gcp.sql_flag(settings, "skip_show_database")
	not gcp.truthy(v)
}

deny contains lib.finding(r, sprintf("MySQL instance %s does not set skip_show_database to on", [r.address]), "settings.0.database_flags") if {
	some [r, settings] in gcp.sql_instances("MYSQL")
	not gcp.sql_flags_unknown(settings, "skip_show_database")
	not gcp.sql_flag(settings, "skip_show_database")
}
