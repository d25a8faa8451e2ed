package iac_guard.aws.ecr.mutable_tags_test

import data.iac_guard.aws.ecr.mutable_tags
import data.iac_guard.testing
import rego.v1

test_mutable_repository_is_denied if {
	mutable_tags.deny == {{
		"msg": "ECR repository aws_ecr_repository.app has mutable image tags",
		"resource": "aws_ecr_repository.app",
		"file": "main.tf",
		"attribute": "image_tag_mutability",
	}} with input as testing.tf([testing.tf_resource("aws_ecr_repository", "app", {"name": "app"})])
}

test_immutable_or_unknown_pass if {
	count(mutable_tags.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_ecr_repository", "a", {"image_tag_mutability": "IMMUTABLE"}),
		testing.tf_resource("aws_ecr_repository", "b", {"image_tag_mutability": testing.unknown("var.mutability")}),
	])
}

test_cloudformation_mutable_repository_is_denied if {
	testing.located(mutable_tags.deny) == {["Repo", "ImageTagMutability"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECR::Repository", "Repo", {"ImageTagMutability": "MUTABLE"}),
		testing.cfn_resource("AWS::ECR::Repository", "Pinned", {"ImageTagMutability": "IMMUTABLE"}),
	])
}

test_mutability_forms if {
	testing.addresses(mutable_tags.deny) == {"aws_ecr_repository.null", "aws_ecr_repository.empty", "aws_ecr_repository.lower", "aws_ecr_repository.exclusion"} with input as testing.tf([
		testing.tf_resource("aws_ecr_repository", "null", {"image_tag_mutability": null}),
		testing.tf_resource("aws_ecr_repository", "empty", {"image_tag_mutability": ""}),
		testing.tf_resource("aws_ecr_repository", "lower", {"image_tag_mutability": "mutable"}),
		testing.tf_resource("aws_ecr_repository", "exclusion", {"image_tag_mutability": "MUTABLE_WITH_EXCLUSION"}),
		testing.tf_resource("aws_ecr_repository", "immutable", {"image_tag_mutability": "IMMUTABLE"}),
		testing.tf_resource("aws_ecr_repository", "immutable_exclusion", {"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"}),
		testing.tf_resource("aws_ecr_repository", "unknown", {"image_tag_mutability": testing.unknown("var.mutability")}),
	])
}
