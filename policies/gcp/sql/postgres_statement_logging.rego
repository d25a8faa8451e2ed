# METADATA
# title: Cloud SQL for PostgreSQL logs the text of slow statements
# description: >-
#   With `log_min_duration_statement` set to anything but -1, PostgreSQL writes the full
#   text of every statement slower than the threshold (0 means every statement) to the
#   logs, including the literal values, personal data and secrets in it.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/flags
# custom:
#   id: IAC-GCP-SQL-013
#   severity: low
#   remediation: >-
#     Remove the `log_min_duration_statement` entry from `database_flags` of the PostgreSQL
#     `google_sql_database_instance`, or set its value to "-1".
#   frameworks: [CIS-GCP-6.2.7]
#   kinds: [terraform]
#   resource_types:
#     - google_sql_database_instance
#   forms:
#     - google_sql_database_instance settings database_flags entry named "log_min_duration_statement" with a value other than "-1" on a POSTGRES database_version
#   not_flagged:
#     - a missing entry (-1, disabled, is the default)
#     - other engines, unknown settings, flag lists or values
package iac_guard.gcp.sql.postgres_statement_logging

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("PostgreSQL instance %s logs statements slower than %s ms", [r.address, v]), sprintf("settings.0.database_flags.%d", [i])) if {
	some [r, settings] in gcp.sql_instances("POSTGRES")
	[i, v] := gcp.sql_flag(settings, "log_min_duration_statement")
	trim_space(v) != "-1"
}
