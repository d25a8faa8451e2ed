package iac_guard.aws.efs.backup_test

import data.iac_guard.aws.efs.backup
import data.iac_guard.testing
import rego.v1

fs(name, values) := testing.tf_resource("aws_efs_file_system", name, values)

policy(name, fs_ref, status) := testing.tf_resource("aws_efs_backup_policy", name, {
	"file_system_id": testing.unknown(sprintf("aws_efs_file_system.%s.id", [fs_ref])),
	"backup_policy": [{"status": status}],
})

test_file_system_without_backup_policy_is_denied if {
	backup.deny == {{
		"msg": "EFS file system aws_efs_file_system.home has no automatic backups (no aws_efs_backup_policy enables them)",
		"resource": "aws_efs_file_system.home",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([fs("home", {"encrypted": true})])
}

test_disabled_policy_is_denied_enabled_passes if {
	testing.addresses(backup.deny) == {"aws_efs_file_system.off"} with input as testing.tf([
		fs("off", {}),
		fs("on", {}),
		fs("unknown_status", {}),
		policy("off", "off", "DISABLED"),
		policy("on", "on", "ENABLED"),
		policy("unknown_status", "unknown_status", testing.unknown("var.status")),
	])
}

test_backup_selection_and_one_zone_pass if {
	count(backup.deny) == 0 with input as testing.tf([
		fs("selected", {}),
		fs("onezone", {"availability_zone_name": "eu-west-1a"}),
		testing.tf_resource("aws_backup_selection", "efs", {"resources": [testing.unknown("aws_efs_file_system.selected.arn")]}),
	])
}

test_policy_for_an_unknown_file_system_covers_all if {
	count(backup.deny) == 0 with input as testing.tf([
		fs("a", {}),
		testing.tf_resource("aws_efs_backup_policy", "p", {"file_system_id": testing.unknown("var.fs_id"), "backup_policy": [{"status": "ENABLED"}]}),
	])
}

test_empty_zone_is_regional if {
	testing.addresses(backup.deny) == {"aws_efs_file_system.a"} with input as testing.tf([fs("a", {"availability_zone_name": ""})])
}

test_cloudformation_forms if {
	testing.located(backup.deny) == {["Missing", "BackupPolicy.Status"], ["Disabled", "BackupPolicy.Status"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EFS::FileSystem", "Missing", {"Encrypted": true}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Disabled", {"BackupPolicy": {"Status": "DISABLED"}}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Enabled", {"BackupPolicy": {"Status": "ENABLED"}}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Param", {"BackupPolicy": {"Status": {"Ref": "Status"}}}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Whole", {"BackupPolicy": {"Fn::If": ["Prod", {"Status": "ENABLED"}, {"Ref": "AWS::NoValue"}]}}),
		testing.cfn_resource("AWS::EFS::FileSystem", "OneZone", {"AvailabilityZoneName": "eu-west-1a"}),
	])
}
