# METADATA
# title: RDS automated backups are disabled
# description: >-
#   `backup_retention_period = 0` turns off automated backups and point-in-time
#   recovery: a bad migration or a ransomware wipe cannot be undone. Read replicas, which
#   may legitimately keep no backups, are exempt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: IAC-AWS-RDS-003
#   severity: medium
#   remediation: >-
#     Set `backup_retention_period` (CloudFormation `BackupRetentionPeriod`) to at least 7
#     days.
#   forms:
#     - >-
#       `backup_retention_period = 0` (number or string); CloudFormation
#       `BackupRetentionPeriod`
#   not_flagged:
#     - >-
#       read replicas (`replicate_source_db` / `SourceDBInstanceIdentifier` set, not ""),
#       which keep no backups of their own
#     - >-
#       an absent period: the default is 1 day (7 for Aurora)
package iac_guard.aws.rds.backups

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_db_instance")
	lib.number(r.values.backup_retention_period) == 0
	not lib.is_set(r.values, "replicate_source_db")
	result := lib.finding(r, sprintf("RDS instance %s keeps no automated backups (backup_retention_period = 0)", [r.address]), "backup_retention_period")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::RDS::DBInstance")
	lib.number(r.values.BackupRetentionPeriod) == 0
	not lib.is_set(r.values, "SourceDBInstanceIdentifier")
	result := lib.finding(r, sprintf("RDS instance %s keeps no automated backups (BackupRetentionPeriod is 0)", [r.address]), "BackupRetentionPeriod")
}
