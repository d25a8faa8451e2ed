package iac_guard.aws.codebuild.privileged_mode_test

import data.iac_guard.aws.codebuild.privileged_mode
import data.iac_guard.testing
import rego.v1

test_privileged_project_is_denied if {
	privileged_mode.deny == {{
		"msg": "CodeBuild project aws_codebuild_project.a runs builds in privileged mode",
		"resource": "aws_codebuild_project.a",
		"file": "main.tf",
		"attribute": "environment.0.privileged_mode",
	}} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {"environment": [{"privileged_mode": true}]}),
		testing.tf_resource("aws_codebuild_project", "b", {"environment": [{"privileged_mode": false}]}),
		testing.tf_resource("aws_codebuild_project", "c", {"environment": [{"image": "x"}]}),
		testing.tf_resource("aws_codebuild_project", "d", {"environment": [{"privileged_mode": testing.unknown("var.p")}]}),
	])
}

test_cloudformation_privileged_project_is_denied if {
	testing.located(privileged_mode.deny) == {["P", "Environment.PrivilegedMode"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {"Environment": {"PrivilegedMode": "true"}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "Q", {"Environment": {"PrivilegedMode": false}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "R", {"Environment": {}}),
	])
}
