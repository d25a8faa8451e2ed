package iac_guard.aws.efs.access_point_user_test

import data.iac_guard.aws.efs.access_point_user
import data.iac_guard.testing
import rego.v1

ap(name, values) := testing.tf_resource("aws_efs_access_point", name, values)

test_access_point_without_user_is_denied if {
	access_point_user.deny == {{
		"msg": "EFS access point aws_efs_access_point.app does not enforce a POSIX user identity",
		"resource": "aws_efs_access_point.app",
		"file": "main.tf",
		"attribute": "posix_user",
	}} with input as testing.tf([ap("app", {"root_directory": [{"path": "/app"}]})])
}

test_terraform_forms if {
	testing.addresses(access_point_user.deny) == {"aws_efs_access_point.empty"} with input as testing.tf([
		ap("empty", {"posix_user": []}),
		ap("user", {"posix_user": [{"uid": 1000, "gid": 1000}]}),
		ap("dynamic", {"posix_user": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(access_point_user.deny) == {["Missing", "PosixUser"], ["Empty", "PosixUser"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EFS::AccessPoint", "Missing", {}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "Empty", {"PosixUser": {}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "User", {"PosixUser": {"Uid": "1000", "Gid": "1000"}}),
		testing.cfn_resource("AWS::EFS::AccessPoint", "Cond", {"PosixUser": {"Fn::If": ["C", {"Uid": "1"}, {"Ref": "AWS::NoValue"}]}}),
	])
}
