# METADATA
# title: Redshift cluster keeps automated snapshots for less than 7 days
# description: >-
#   Automated snapshots are the only point-in-time copies Redshift takes by itself; at 0
#   days there are none, and the 1-day default leaves little time to notice a bad load or
#   a dropped table.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html
# custom:
#   id: IAC-AWS-REDSHIFT-005
#   severity: low
#   remediation: >-
#     Terraform: set `automated_snapshot_retention_period` to 7 or more on the
#     `aws_redshift_cluster`. CloudFormation: set `AutomatedSnapshotRetentionPeriod` to 7 or
#     more on the `AWS::Redshift::Cluster`.
#   frameworks: [AWS-FSBP-Redshift.3]
#   forms:
#     - 'Terraform `aws_redshift_cluster.automated_snapshot_retention_period`: absent (1 day), a number or numeric string below 7'
#     - 'CloudFormation `AWS::Redshift::Cluster` `AutomatedSnapshotRetentionPeriod`: absent (1 day), below 7'
#   not_flagged:
#     - An unknown value; manual snapshot schedules (`aws_redshift_snapshot_schedule`), which the control does not count.
package iac_guard.aws.redshift.snapshot_retention

import data.iac_guard.lib
import rego.v1

short(values, key) if not lib.has_key(values, key)

short(values, key) if values[key] == null

short(values, key) if lib.number(values[key]) < 7

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_redshift_cluster")
	short(r.values, "automated_snapshot_retention_period")
	result := lib.finding(r, sprintf("Redshift cluster %s keeps automated snapshots for less than 7 days", [r.address]), "automated_snapshot_retention_period")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Redshift::Cluster")
	short(r.values, "AutomatedSnapshotRetentionPeriod")
	result := lib.finding(r, sprintf("Redshift cluster %s keeps automated snapshots for less than 7 days", [r.address]), "AutomatedSnapshotRetentionPeriod")
}
