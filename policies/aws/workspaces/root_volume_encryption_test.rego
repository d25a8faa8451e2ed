package iac_guard.aws.workspaces.root_volume_encryption_test

import data.iac_guard.aws.workspaces.root_volume_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_root_volume_is_denied if {
	root_volume_encryption.deny == {
		{
			"msg": "WorkSpace aws_workspaces_workspace.a does not encrypt its root volume",
			"resource": "aws_workspaces_workspace.a",
			"file": "main.tf",
			"attribute": "root_volume_encryption_enabled",
		},
		{
			"msg": "WorkSpace aws_workspaces_workspace.b does not encrypt its root volume",
			"resource": "aws_workspaces_workspace.b",
			"file": "main.tf",
			"attribute": "root_volume_encryption_enabled",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_workspaces_workspace", "a", {}),
		testing.tf_resource("aws_workspaces_workspace", "b", {"root_volume_encryption_enabled": false}),
		testing.tf_resource("aws_workspaces_workspace", "c", {"root_volume_encryption_enabled": true, "volume_encryption_key": "alias/workspaces"}),
		testing.tf_resource("aws_workspaces_workspace", "d", {"root_volume_encryption_enabled": testing.unknown("var.encrypt")}),
	])
}

test_cloudformation_unencrypted_root_volume_is_denied if {
	testing.located(root_volume_encryption.deny) == {["A", "RootVolumeEncryptionEnabled"], ["B", "RootVolumeEncryptionEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "A", {}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "B", {"RootVolumeEncryptionEnabled": "false"}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "C", {"RootVolumeEncryptionEnabled": true}),
		testing.cfn_resource("AWS::WorkSpaces::Workspace", "D", {"RootVolumeEncryptionEnabled": {"Ref": "Encrypt"}}),
	])
}
