package iac_guard.aws.backup.plan_selection_test

import data.iac_guard.aws.backup.plan_selection
import data.iac_guard.testing
import rego.v1

test_plan_without_selection_is_denied if {
	plan_selection.deny == {{
		"msg": "Backup plan aws_backup_plan.orphan has no backup selection",
		"resource": "aws_backup_plan.orphan",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_backup_plan", "daily", {}),
		testing.tf_resource("aws_backup_plan", "orphan", {}),
		testing.tf_resource("aws_backup_selection", "daily", {"plan_id": testing.unknown("aws_backup_plan.daily.id")}),
	])
}

test_module_with_only_a_plan_passes if {
	count(plan_selection.deny) == 0 with input as testing.tf([testing.tf_resource("aws_backup_plan", "this", {})])
}

test_unresolved_selection_passes if {
	count(plan_selection.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_backup_plan", "a", {}),
		testing.tf_resource("aws_backup_selection", "s", {"plan_id": testing.unknown("var.plan_id")}),
	])
}

test_cloudformation_plan_without_selection_is_denied if {
	testing.located(plan_selection.deny) == {["Orphan", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::Backup::BackupPlan", "Daily", {}),
		testing.cfn_resource("AWS::Backup::BackupPlan", "Weekly", {}),
		testing.cfn_resource("AWS::Backup::BackupPlan", "Orphan", {}),
		testing.cfn_resource("AWS::Backup::BackupSelection", "S1", {"BackupPlanId": {"Ref": "Daily"}}),
		testing.cfn_resource("AWS::Backup::BackupSelection", "S2", {"BackupPlanId": {"Fn::GetAtt": ["Weekly", "BackupPlanId"]}}),
	])
}
