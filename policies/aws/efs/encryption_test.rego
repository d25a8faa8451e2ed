package iac_guard.aws.efs.encryption_test

import data.iac_guard.aws.efs.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_file_system_is_denied if {
	encryption.deny == {{
		"msg": "EFS file system aws_efs_file_system.shared is not encrypted at rest",
		"resource": "aws_efs_file_system.shared",
		"file": "main.tf",
		"attribute": "encrypted",
	}} with input as testing.tf([testing.tf_resource("aws_efs_file_system", "shared", {"creation_token": "shared"})])
}

test_false_forms_are_denied if {
	testing.addresses(encryption.deny) == {"aws_efs_file_system.a", "aws_efs_file_system.b", "aws_efs_file_system.c"} with input as testing.tf([
		testing.tf_resource("aws_efs_file_system", "a", {"encrypted": false}),
		testing.tf_resource("aws_efs_file_system", "b", {"encrypted": "false"}),
		testing.tf_resource("aws_efs_file_system", "c", {"encrypted": null}),
	])
}

test_encrypted_and_unknown_pass if {
	count(encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_efs_file_system", "a", {"encrypted": true}),
		testing.tf_resource("aws_efs_file_system", "b", {"encrypted": "true"}),
		testing.tf_resource("aws_efs_file_system", "c", {"encrypted": testing.unknown("var.encrypted")}),
		testing.tf_data("aws_efs_file_system", "d", {}),
	])
}

test_cloudformation_forms if {
	testing.located(encryption.deny) == {["Missing", "Encrypted"], ["Off", "Encrypted"], ["Quoted", "Encrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EFS::FileSystem", "Missing", {}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Off", {"Encrypted": false}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Quoted", {"Encrypted": "false"}),
		testing.cfn_resource("AWS::EFS::FileSystem", "On", {"Encrypted": true}),
		testing.cfn_resource("AWS::EFS::FileSystem", "QuotedOn", {"Encrypted": "true"}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Param", {"Encrypted": {"Ref": "Encrypt"}}),
		testing.cfn_resource("AWS::EFS::FileSystem", "Cond", {"Encrypted": {"Fn::If": ["Prod", true, false]}}),
	])
}
