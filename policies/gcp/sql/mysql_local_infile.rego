# METADATA
# title: Cloud SQL for MySQL allows LOAD DATA LOCAL INFILE
# description: >-
#   With `local_infile` on, a client (or SQL injection through it) can make the server
#   read files from the client host and load them into tables, a known path to data
#   exfiltration.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/flags
# custom:
#   id: IAC-GCP-SQL-005
#   severity: medium
#   remediation: >-
#     Add `database_flags { name = "local_infile" value = "off" }` to `settings` of the
#     MySQL `google_sql_database_instance` (and its read replicas).
#   frameworks: [CIS-GCP-6.1.3]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "local_infile" (values on / true / 1, any case) on a MYSQL database_version
#     - no local_infile entry at all (the CIS benchmark gives on as the flag's default on Cloud SQL for MySQL)
#   not_flagged:
#     - instances of other engines, unknown settings, flag lists or flag names and values
package iac_guard.gcp.sql.mysql_local_infile

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("MySQL instance %s turns on local_infile", [r.address]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("MYSQL")
	[i, v] := gcp.sql_flag(settings, "local_infile")
	gcp.truthy(v)
}

deny contains lib.finding(r, sprintf("MySQL instance %s does not turn local_infile off", [r.address]), "settings.0.database_flags") if {
	some [r, settings] in gcp.sql_instances("MYSQL")
	not lib.is_unknown(settings.database_flags)
	not some_unknown(settings.database_flags)
	not gcp.sql_flag(settings, "local_infile")
}

some_unknown(flags) if {
	some flag in lib.items(flags)
	lib.is_unknown(flag.name)
}

some_unknown(flags) if {
	some flag in lib.items(flags)
	flag.name == "local_infile"
	not is_string(flag.value)
}

some_unknown(flags) if {
	some flag in lib.items(flags)
	not is_object(flag)
}
