# METADATA
# title: EFS file system has no automatic backups
# description: >-
#   A Regional EFS file system created through the API, Terraform or CloudFormation has
#   automatic backups turned off: a deleted or corrupted file cannot be restored. Turn on
#   the EFS backup policy (daily AWS Backup recovery points) or cover the file system with
#   an AWS Backup selection.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
# custom:
#   id: IAC-AWS-EFS-002
#   severity: low
#   remediation: >-
#     Terraform: add an `aws_efs_backup_policy` whose `file_system_id` is this file system,
#     with `backup_policy { status = "ENABLED" }` (or list its ARN in an
#     `aws_backup_selection`'s `resources`). CloudFormation: set `BackupPolicy.Status:
#     ENABLED` on the `AWS::EFS::FileSystem`.
#   frameworks: [AWS-FSBP-EFS.2]
#   forms:
#     - 'Terraform: a separate `aws_efs_backup_policy` (by reference to the file system, `aws_efs_file_system.x.id`), `backup_policy.status` ENABLED / DISABLED'
#     - 'Terraform: an `aws_backup_selection` whose `resources` list references the file system'
#     - 'CloudFormation: the `BackupPolicy.Status` property of `AWS::EFS::FileSystem` (ENABLED / DISABLED / absent)'
#   not_flagged:
#     - 'One Zone file systems (`availability_zone_name` / `AvailabilityZoneName` set): EFS turns their automatic backups on by default.'
#     - An `aws_efs_backup_policy` whose status or file system is unknown, or that names the file system by a literal id (fs-...), which the scan cannot tie to a resource - the file system is assumed covered.
#     - AWS Backup plans that select resources by tag or by a wildcard ARN, which the scan cannot evaluate; a file system is flagged unless something in the scan covers it, so such setups should waive the finding.
package iac_guard.aws.efs.backup

import data.iac_guard.lib
import rego.v1

# Keys of file systems an aws_efs_backup_policy does not turn off.
backed_up contains key if {
	some p in lib.resources("aws_efs_backup_policy")
	lib.block(p.values, "backup_policy").status != "DISABLED"
	some key in lib.pointer_keys(p, p.values.file_system_id)
}

backed_up contains key if {
	some p in lib.resources("aws_efs_backup_policy")
	not lib.block(p.values, "backup_policy").status
	some key in lib.pointer_keys(p, p.values.file_system_id)
}

backed_up contains key if {
	some s in lib.resources("aws_backup_selection")
	some value in lib.items(s.values.resources)
	lib.is_unknown(value)
	key := lib.scoped(s, lib.reference_target(s, value))
}

# A policy whose file system is not one of the scanned file systems (a variable, a
# module output, a literal fs- id) could cover any of them.
file_systems := {lib.address_key(r) | some r in lib.managed("aws_efs_file_system")}

default unknown_policy := false

unknown_policy if {
	some p in lib.resources("aws_efs_backup_policy")
	some key in lib.pointer_keys(p, p.values.file_system_id)
	not file_systems[key]
}

unknown_policy if {
	some p in lib.resources("aws_efs_backup_policy")
	lib.is_unknown(p.values.file_system_id)
	not lib.reference_target(p, p.values.file_system_id)
}

deny contains result if {
	lib.is_terraform
	not unknown_policy
	some r in lib.managed("aws_efs_file_system")
	not one_zone(r.values, "availability_zone_name")
	not backed_up[lib.address_key(r)]
	result := lib.finding(r, sprintf("EFS file system %s has no automatic backups (no aws_efs_backup_policy enables them)", [r.address]), "")
}

one_zone(values, key) if {
	values[key] != null
	values[key] != ""
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EFS::FileSystem")
	not one_zone(r.values, "AvailabilityZoneName")
	not cfn_enabled(r.values)
	result := lib.finding(r, sprintf("EFS file system %s has no automatic backups (BackupPolicy.Status is not ENABLED)", [r.address]), "BackupPolicy.Status")
}

cfn_enabled(values) if values.BackupPolicy.Status == "ENABLED"

cfn_enabled(values) if lib.block_unknown(values, "BackupPolicy", "Status")
