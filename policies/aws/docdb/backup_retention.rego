# METADATA
# title: DocumentDB cluster keeps backups for less than 7 days
# description: >-
#   The default backup retention of 1 day leaves a single day to notice a bad write or
#   a deleted collection before the last restorable point is gone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore.html
# custom:
#   id: IAC-AWS-DOCDB-003
#   severity: low
#   remediation: >-
#     Terraform: set `backup_retention_period` to 7 or more (up to 35) on the
#     `aws_docdb_cluster`. CloudFormation: set `BackupRetentionPeriod` to 7 or more on
#     the `AWS::DocDB::DBCluster`.
#   frameworks: [AWS-FSBP-DocumentDB.2]
#   forms:
#     - 'Terraform `aws_docdb_cluster.backup_retention_period`: absent (1 day), null, or a number / numeric string below 7'
#     - 'CloudFormation `AWS::DocDB::DBCluster` `BackupRetentionPeriod`: absent or below 7'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
#     - 'AWS Backup plans, which the control does not count either.'
package iac_guard.aws.docdb.backup_retention

import data.iac_guard.lib
import rego.v1

short(values, key) if not lib.has_key(values, key)

short(values, key) if values[key] == null

short(values, key) if lib.number(values[key]) < 7

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_docdb_cluster")
	short(r.values, "backup_retention_period")
	result := lib.finding(r, sprintf("DocumentDB cluster %s keeps backups for less than 7 days", [r.address]), "backup_retention_period")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DocDB::DBCluster")
	short(r.values, "BackupRetentionPeriod")
	result := lib.finding(r, sprintf("DocumentDB cluster %s keeps backups for less than 7 days", [r.address]), "BackupRetentionPeriod")
}
