package iac_guard.aws.codebuild.artifact_encryption_test

import data.iac_guard.aws.codebuild.artifact_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_artifacts_are_denied if {
	testing.located(artifact_encryption.deny) == {
		["aws_codebuild_project.a", "artifacts.0.encryption_disabled"],
		["aws_codebuild_project.a", "secondary_artifacts.1.encryption_disabled"],
	} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {
			"artifacts": [{"type": "S3", "encryption_disabled": true}],
			"secondary_artifacts": [{"type": "S3", "encryption_disabled": false}, {"type": "S3", "encryption_disabled": "true"}],
		}),
		testing.tf_resource("aws_codebuild_project", "none", {"artifacts": [{"type": "NO_ARTIFACTS", "encryption_disabled": true}]}),
		testing.tf_resource("aws_codebuild_project", "b", {"artifacts": [{"type": "S3"}]}),
		testing.tf_resource("aws_codebuild_project", "c", {"artifacts": [{"type": "S3", "encryption_disabled": testing.unknown("var.x")}]}),
	])
}

test_message if {
	artifact_encryption.deny == {{
		"msg": "CodeBuild project aws_codebuild_project.a stores artifacts unencrypted",
		"resource": "aws_codebuild_project.a",
		"file": "main.tf",
		"attribute": "artifacts.0.encryption_disabled",
	}} with input as testing.tf([testing.tf_resource("aws_codebuild_project", "a", {"artifacts": [{"type": "S3", "encryption_disabled": true}]})])
}

test_cloudformation_unencrypted_artifacts_are_denied if {
	testing.located(artifact_encryption.deny) == {["P", "Artifacts.EncryptionDisabled"], ["P", "SecondaryArtifacts.0.EncryptionDisabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {"Artifacts": {"Type": "S3", "EncryptionDisabled": true}, "SecondaryArtifacts": [{"Type": "S3", "EncryptionDisabled": "true"}]}),
		testing.cfn_resource("AWS::CodeBuild::Project", "Q", {"Artifacts": {"Type": "NO_ARTIFACTS", "EncryptionDisabled": true}}),
		testing.cfn_resource("AWS::CodeBuild::Project", "R", {"Artifacts": {"Type": "S3"}}),
	])
}
