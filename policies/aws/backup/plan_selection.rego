# METADATA
# title: Backup plan has no resource selection
# description: >-
#   A backup plan backs up only what a backup selection assigns to it. A plan that no
#   selection names runs on schedule and protects nothing: the data it was written for
#   has no recovery point.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
# custom:
#   id: IAC-AWS-BACKUP-002
#   severity: medium
#   remediation: >-
#     Add an `aws_backup_selection` whose `plan_id` is the plan's id, with `resources` or
#     `selection_tag` (CloudFormation `AWS::Backup::BackupSelection` with
#     `BackupPlanId: !Ref Plan` and `BackupSelection.Resources` or `ListOfTags`).
#   forms:
#     - 'Terraform `aws_backup_selection.plan_id` as a reference to the plan'
#     - 'CloudFormation `AWS::Backup::BackupSelection.BackupPlanId` as `!Ref Plan` or `!GetAtt Plan.BackupPlanId`'
#   not_flagged:
#     - 'Plans in a root module (template) where some selection''s plan cannot be resolved (a variable, a module output, a literal id): it may be this plan'
#     - 'Plans of a root module that declares no selection at all: a module that only builds the plan for others to assign'
package iac_guard.aws.backup.plan_selection

import data.iac_guard.lib
import rego.v1

selection_types := [["aws_backup_selection", "plan_id"], ["AWS::Backup::BackupSelection", "BackupPlanId"]]

plan_keys := {lib.address_key(p) | some rtype in ["aws_backup_plan", "AWS::Backup::BackupPlan"]; some p in lib.resources(rtype)}

selected contains key if {
	some [rtype, attr] in selection_types
	some s in lib.resources(rtype)
	some key in lib.pointer_keys(s, s.values[attr])
}

selecting contains lib.scope(s) if {
	some [rtype, _] in selection_types
	some s in lib.resources(rtype)
}

uncertain contains lib.scope(s) if {
	some [rtype, attr] in selection_types
	some s in lib.resources(rtype)
	value := object.get(s.values, attr, null)
	not resolves(s, value)
}

resolves(s, value) if {
	lib.is_unknown(value)
	plan_keys[lib.scoped(s, lib.reference_target(s, value))]
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_backup_plan")
	judged(r)
	result := lib.finding(r, sprintf("Backup plan %s has no backup selection", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Backup::BackupPlan")
	judged(r)
	result := lib.finding(r, sprintf("Backup plan %s has no backup selection", [r.address]), "")
}

judged(r) if {
	selecting[lib.scope(r)]
	not uncertain[lib.scope(r)]
	not selected[lib.address_key(r)]
}
