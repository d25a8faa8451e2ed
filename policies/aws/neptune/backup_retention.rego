# METADATA
# title: Neptune cluster keeps backups for less than 7 days
# description: >-
#   The default backup retention of 1 day leaves a single day to notice bad writes or
#   deleted data before the last restorable point is gone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html
# custom:
#   id: IAC-AWS-NEPTUNE-005
#   severity: low
#   remediation: >-
#     Terraform: set `backup_retention_period` to 7 or more (up to 35) on the
#     `aws_neptune_cluster`. CloudFormation: set `BackupRetentionPeriod` to 7 or more
#     on the `AWS::Neptune::DBCluster`.
#   frameworks: [AWS-FSBP-Neptune.5]
#   forms:
#     - 'Terraform `aws_neptune_cluster.backup_retention_period`: absent (1 day), null, or below 7'
#     - 'CloudFormation `AWS::Neptune::DBCluster` `BackupRetentionPeriod`: absent or below 7'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
package iac_guard.aws.neptune.backup_retention

import data.iac_guard.lib
import rego.v1

short(values, key) if not lib.has_key(values, key)

short(values, key) if values[key] == null

short(values, key) if lib.number(values[key]) < 7

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_neptune_cluster")
	short(r.values, "backup_retention_period")
	result := lib.finding(r, sprintf("Neptune cluster %s keeps backups for less than 7 days", [r.address]), "backup_retention_period")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Neptune::DBCluster")
	short(r.values, "BackupRetentionPeriod")
	result := lib.finding(r, sprintf("Neptune cluster %s keeps backups for less than 7 days", [r.address]), "BackupRetentionPeriod")
}
