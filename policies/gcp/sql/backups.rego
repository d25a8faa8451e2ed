# METADATA
# title: Cloud SQL instance has automated backups disabled
# description: >-
#   Without automated backups (and point-in-time recovery built on them), data lost to
#   deletion, corruption or ransomware cannot be restored.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/backup-recovery/backups
# custom:
#   id: IAC-GCP-SQL-009
#   severity: medium
#   remediation: >-
#     Add `backup_configuration { enabled = true }` to `settings` of
#     `google_sql_database_instance` (with `binary_log_enabled` for MySQL or
#     `point_in_time_recovery_enabled` for PostgreSQL).
#   frameworks: [CIS-GCP-6.7]
#   kinds: [terraform]
#   forms:
#     - settings backup_configuration enabled missing (the provider's default is false), false or "false"
#   not_flagged:
#     - read replicas (master_instance_name set, or replica_configuration), which cannot have their own backups
#     - unknown settings, backup_configuration blocks or values
package iac_guard.gcp.sql.backups

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("Cloud SQL instance %s has automated backups disabled", [r.address]), "settings.0.backup_configuration.0.enabled") if {
	some r in lib.managed("google_sql_database_instance")
	not replica(r)
	settings := lib.block(r.values, "settings")
	not lib.is_unknown(settings)
	not lib.is_unknown(settings.backup_configuration)
	backup := lib.block_or_empty(settings, "backup_configuration")
	lib.false_or_missing(backup, "enabled")
}

replica(r) if {
	is_string(r.values.master_instance_name)
	r.values.master_instance_name != ""
}

replica(r) if lib.is_unknown(r.values.master_instance_name)

replica(r) if lib.has_block(r.values, "replica_configuration")
