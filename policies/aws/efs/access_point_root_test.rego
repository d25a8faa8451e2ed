package iac_guard.aws.efs.access_point_root_test

import data.iac_guard.aws.efs.access_point_root
import data.iac_guard.testing
import rego.v1

ap(name, values) := testing.tf_resource("aws_efs_access_point", name, values)

test_access_point_without_root_directory_is_denied if {
	access_point_root.deny == {{
		"msg": "EFS access point aws_efs_access_point.app does not confine clients to a root directory",
		"resource": "aws_efs_access_point.app",
		"file": "main.tf",
		"attribute": "root_directory.0.path",
	}} with input as testing.tf([ap("app", {"file_system_id": testing.unknown("aws_efs_file_system.fs.id")})])
}

test_terraform_forms if {
	testing.addresses(access_point_root.deny) == {"aws_efs_access_point.slash", "aws_efs_access_point.empty", "aws_efs_access_point.nopath"} with input as testing.tf([
		ap("slash", {"root_directory": [{"path": "/"}]}),
		ap("empty", {"root_directory": [{"path": ""}]}),
		ap("nopath", {"root_directory": [{"creation_info": [{"owner_uid": 1000}]}]}),
		ap("app", {"root_directory": [{"path": "/app"}]}),
		ap("var", {"root_directory": [{"path": testing.unknown("var.path")}]}),
		ap("dynamic", {"root_directory": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(access_point_root.deny) == {["Missing", "RootDirectory.Path"], ["Slash", "RootDirectory.Path"], ["NoPath", "RootDirectory.Path"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EFS::AccessPoint", "Missing", {"FileSystemId": {"Ref": "Fs"}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "Slash", {"RootDirectory": {"Path": "/"}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "NoPath", {"RootDirectory": {"CreationInfo": {"OwnerUid": "1000"}}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "App", {"RootDirectory": {"Path": "/app"}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "Sub", {"RootDirectory": {"Path": {"Fn::Sub": "/${Env}"}}}),
	])
}
