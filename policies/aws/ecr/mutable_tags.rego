# METADATA
# title: ECR repository allows image tags to be overwritten
# description: >-
#   With mutable tags, pushing to an existing tag silently replaces the image that
#   deployments pull: a compromised pipeline can swap `v1.2.3` for a backdoored build.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: IAC-AWS-ECR-001
#   severity: medium
#   remediation: 'Set `image_tag_mutability = "IMMUTABLE"` (CloudFormation `ImageTagMutability: IMMUTABLE`).'
package iac_guard.aws.ecr.mutable_tags

import data.iac_guard.lib
import rego.v1

mutable(values, key) if not lib.has_key(values, key)

mutable(values, key) if values[key] == "MUTABLE"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ecr_repository")
	mutable(r.values, "image_tag_mutability")
	result := lib.finding(r, sprintf("ECR repository %s has mutable image tags", [r.address]), "image_tag_mutability")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECR::Repository")
	mutable(r.values, "ImageTagMutability")
	result := lib.finding(r, sprintf("ECR repository %s has mutable image tags", [r.address]), "ImageTagMutability")
}
