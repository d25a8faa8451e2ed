package iac_guard.aws.workspaces.user_volume_encryption_test

import data.iac_guard.aws.workspaces.user_volume_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_user_volume_is_denied if {
	user_volume_encryption.deny == {
		{
			"msg": "WorkSpace aws_workspaces_workspace.a does not encrypt its user volume",
			"resource": "aws_workspaces_workspace.a",
			"file": "main.tf",
			"attribute": "user_volume_encryption_enabled",
		},
		{
			"msg": "WorkSpace aws_workspaces_workspace.b does not encrypt its user volume",
			"resource": "aws_workspaces_workspace.b",
			"file": "main.tf",
			"attribute": "user_volume_encryption_enabled",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_workspaces_workspace", "a", {}),
		testing.tf_resource("aws_workspaces_workspace", "b", {"user_volume_encryption_enabled": false}),
		testing.tf_resource("aws_workspaces_workspace", "c", {"user_volume_encryption_enabled": true, "volume_encryption_key": "alias/workspaces"}),
		testing.tf_resource("aws_workspaces_workspace", "d", {"user_volume_encryption_enabled": testing.unknown("var.encrypt")}),
	])
}

test_cloudformation_unencrypted_user_volume_is_denied if {
	testing.located(user_volume_encryption.deny) == {["A", "UserVolumeEncryptionEnabled"], ["B", "UserVolumeEncryptionEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "A", {}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "B", {"UserVolumeEncryptionEnabled": "false"}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "C", {"UserVolumeEncryptionEnabled": true}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "D", {"UserVolumeEncryptionEnabled": {"Ref": "Encrypt"}}),
	])
}
