package iac_guard.aws.codebuild.source_credentials_test

import data.iac_guard.aws.codebuild.source_credentials
import data.iac_guard.testing
import rego.v1

test_credentials_in_source_url_are_denied if {
	testing.located(source_credentials.deny) == {
		["aws_codebuild_project.a", "source.0.location"],
		["aws_codebuild_project.a", "secondary_sources.0.location"],
	} with input as testing.tf([
		testing.tf_resource("aws_codebuild_project", "a", {
			"source": [{"type": "BITBUCKET", "location": "https://builder:app-pass-123@bitbucket.org/acme/app.git"}],
			"secondary_sources": [{"type": "GITHUB", "location": "https://ghp_abcdefghijklmnop@github.com/acme/lib.git"}, {"type": "GITHUB", "location": "https://github.com/acme/x.git"}],
		}),
		testing.tf_resource("aws_codebuild_project", "b", {"source": [{"type": "BITBUCKET", "location": "https://alice@bitbucket.org/acme/app.git"}]}),
		testing.tf_resource("aws_codebuild_project", "c", {"source": [{"type": "GITHUB", "location": testing.unknown("var.repo")}]}),
	])
}

test_message if {
	source_credentials.deny == {{
		"msg": "CodeBuild project aws_codebuild_project.a has credentials in its source URL",
		"resource": "aws_codebuild_project.a",
		"file": "main.tf",
		"attribute": "source.0.location",
	}} with input as testing.tf([testing.tf_resource("aws_codebuild_project", "a", {"source": [{"location": "https://x-token-auth:tok@bitbucket.org/a/b.git"}]})])
}

test_cloudformation_credentials_in_source_url_are_denied if {
	testing.located(source_credentials.deny) == {["P", "Source.Location"], ["P", "SecondarySources.0.Location"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CodeBuild::Project", "P", {
			"Source": {"Type": "BITBUCKET", "Location": "https://u:p@bitbucket.org/a/b.git"},
			"SecondarySources": [{"Type": "GITLAB", "Location": "https://glpat-xyz123@gitlab.com/a/b.git"}],
		}),
		testing.cfn_resource("AWS::CodeBuild::Project", "Q", {"Source": {"Type": "GITHUB", "Location": "https://github.com/a/b.git"}}),
	])
}
