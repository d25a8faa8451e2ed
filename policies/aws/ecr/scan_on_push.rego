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
#       `image_scanning_configuration.scan_on_push` absent, null or false; CloudFormation
#       `ImageScanningConfiguration.ScanOnPush`, boolean or quoted string
#     - >-
#       registry-level scanning (`aws_ecr_registry_scanning_configuration`, CloudFormation
#       `AWS::ECR::RegistryScanningConfiguration`) exempts every repository when one of its
#       rules scans on push or continuously
#   not_flagged:
#     - >-
#       which repositories a registry rule's filters select: any scanning rule counts for
#       all
#     - >-
#       an unknown flag or unknown registry rules
package iac_guard.aws.ecr.scan_on_push

import data.iac_guard.lib
import rego.v1

# Registry-level scanning replaces the per-repository flag when one of its rules scans on
# push or continuously (`rule { scan_frequency = "SCAN_ON_PUSH" }`, CloudFormation
# `AWS::ECR::RegistryScanningConfiguration` `Rules[].ScanFrequency`); a configuration
# without such a rule scans nothing automatically. Rules given by an unknown value count.
# Which repositories a rule's filters select is not judged.
default registry_scanning := false

registry_scanning if {
	some r in lib.managed("aws_ecr_registry_scanning_configuration")
	scans(r.values.rule, "scan_frequency")
}

registry_scanning if {
	some r in lib.resources("AWS::ECR::RegistryScanningConfiguration")
	scans(r.values.Rules, "ScanFrequency")
}

scans(rules, _) if lib.is_unknown(rules)

scans(rules, key) if {
	some rule in lib.items(rules)
	is_object(rule)
	frequency := rule[key]
	scanning_frequency(frequency)
}

scanning_frequency(frequency) if lib.is_unknown(frequency)

scanning_frequency(frequency) if {
	is_string(frequency)
	upper(frequency) in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
}

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
	not registry_scanning
	some r in lib.resources("AWS::ECR::Repository")
	not lib.block_unknown(r.values, "ImageScanningConfiguration", "ScanOnPush")
	lib.false_or_missing(lib.block_or_empty(r.values, "ImageScanningConfiguration"), "ScanOnPush")
	result := lib.finding(r, sprintf("ECR repository %s does not scan images on push", [r.address]), "ImageScanningConfiguration")
}
