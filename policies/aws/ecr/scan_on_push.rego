# METADATA
# title: ECR repository does not scan images on push
# description: >-
#   Without scan on push, images with known vulnerable packages reach production
#   unnoticed. Repositories are not reported when the same code configures
#   registry-wide scanning (`aws_ecr_registry_scanning_configuration`).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
# custom:
#   id: IAC-AWS-ECR-002
#   severity: low
#   remediation: >-
#     Set `image_scanning_configuration { scan_on_push = true }` (CloudFormation
#     `ImageScanningConfiguration.ScanOnPush: true`), or configure registry scanning.
#   forms:
#     - >-
#       `image_scanning_configuration.scan_on_push` absent or false; CloudFormation
#       `ImageScanningConfiguration.ScanOnPush`
#   not_flagged:
#     - >-
#       every repository when the scanned code has an
#       `aws_ecr_registry_scanning_configuration` (registry-level scanning replaces the
#       per-repository flag)
package iac_guard.aws.ecr.scan_on_push

import data.iac_guard.lib
import rego.v1

default registry_scanning := false

registry_scanning if count(lib.managed("aws_ecr_registry_scanning_configuration")) > 0

deny contains result if {
	lib.is_terraform
	not registry_scanning
	some r in lib.managed("aws_ecr_repository")
	not lib.block_unknown(r.values, "image_scanning_configuration", "scan_on_push")
	lib.false_or_missing(lib.block_or_empty(r.values, "image_scanning_configuration"), "scan_on_push")
	result := lib.finding(r, sprintf("ECR repository %s does not scan images on push", [r.address]), "image_scanning_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECR::Repository")
	not lib.block_unknown(r.values, "ImageScanningConfiguration", "ScanOnPush")
	lib.false_or_missing(lib.block_or_empty(r.values, "ImageScanningConfiguration"), "ScanOnPush")
	result := lib.finding(r, sprintf("ECR repository %s does not scan images on push", [r.address]), "ImageScanningConfiguration")
}
