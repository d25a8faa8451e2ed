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
#   forms:
#     - >-
#       `image_tag_mutability` absent, null, "" (the default MUTABLE), `MUTABLE` or
#       `MUTABLE_WITH_EXCLUSION`, in any case; CloudFormation `ImageTagMutability`
#   not_flagged:
#     - >-
#       `IMMUTABLE_WITH_EXCLUSION`: every tag but the excluded ones is immutable
#     - >-
#       an unknown value
package iac_guard.aws.ecr.mutable_tags

import data.iac_guard.lib
import rego.v1

# Absent, null or "": the default, MUTABLE. IMMUTABLE_WITH_EXCLUSION keeps every tag
# but the excluded ones immutable and is left alone; MUTABLE_WITH_EXCLUSION is mutable.
mutable(values, key) if {
	not lib.is_set(values, key)
	not lib.is_unknown(values[key])
}

mutable(values, key) if {
	is_string(values[key])
	upper(values[key]) in {"MUTABLE", "MUTABLE_WITH_EXCLUSION"}
}

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
