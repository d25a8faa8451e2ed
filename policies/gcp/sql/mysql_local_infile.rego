# METADATA
# title: Cloud SQL for MySQL allows LOAD DATA LOCAL INFILE
# description: >-
#   With `local_infile` on, a client (or SQL injection through it) can make the server read files from the client host and load them into tables, a known path to data exfiltration.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/flags
# custom:
#   id: IAC-GCP-SQL-005
#   severity: medium
#   remediation: >-
#     Remove the `database_flags { name = "local_infile" value = "on" }` entry from `settings` of the MySQL `google_sql_database_instance`, or set its value to "off".
#   frameworks: [CIS-GCP-6.1.3]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "local_infile" (values on / true / 1, any case) on a MYSQL database_version
#   not_flagged:
#     - a missing flag (Cloud SQL for MySQL leaves local_infile off)
#     - instances of other engines, unknown settings, flag lists or values
package iac_guard.gcp.sql.mysql_local_infile

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("MySQL instance %s turns on local_infile", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("MYSQL")
	[i, v] := gcp.sql_flag(settings, "local_infile")
	gcp.truthy(v)
}
