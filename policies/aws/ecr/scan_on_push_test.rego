package iac_guard.aws.ecr.scan_on_push_test

import data.iac_guard.aws.ecr.scan_on_push
import data.iac_guard.testing
import rego.v1

test_repository_without_scanning_is_denied if {
	scan_on_push.deny == {{
		"msg": "ECR repository aws_ecr_repository.app does not scan images on push",
		"resource": "aws_ecr_repository.app",
		"file": "main.tf",
		"attribute": "image_scanning_configuration",
	}} with input as testing.tf([
		testing.tf_resource("aws_ecr_repository", "app", {"image_scanning_configuration": [{"scan_on_push": false}]}),
		testing.tf_resource("aws_ecr_repository", "scanned", {"image_scanning_configuration": [{"scan_on_push": true}]}),
		testing.tf_resource("aws_ecr_repository", "unknown", {"image_scanning_configuration": [{"scan_on_push": testing.unknown("var.scan")}]}),
	])
}

test_registry_scanning_covers_repositories if {
	count(scan_on_push.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_ecr_repository", "app", {}),
		testing.tf_resource("aws_ecr_registry_scanning_configuration", "registry", {"scan_type": "ENHANCED", "rule": [{"scan_frequency": "CONTINUOUS_SCAN", "repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}]}]}),
	])
}

test_cloudformation_repository_without_scanning_is_denied if {
	testing.located(scan_on_push.deny) == {["Repo", "ImageScanningConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECR::Repository", "Repo", {}),
		testing.cfn_resource("AWS::ECR::Repository", "Scanned", {"ImageScanningConfiguration": {"ScanOnPush": "true"}}),
	])
}

test_registry_configuration_must_scan if {
	testing.addresses(scan_on_push.deny) == {"aws_ecr_repository.app"} with input as testing.tf([
		testing.tf_resource("aws_ecr_repository", "app", {}),
		testing.tf_resource("aws_ecr_registry_scanning_configuration", "manual", {"scan_type": "BASIC", "rule": [{"scan_frequency": "MANUAL", "repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}]}]}),
		testing.tf_resource("aws_ecr_registry_scanning_configuration", "no_rules", {"scan_type": "ENHANCED"}),
	])
}

test_cloudformation_registry_scanning if {
	count(scan_on_push.deny) == 0 with input as testing.cfn([
		testing.cfn_resource("AWS::ECR::Repository", "Repo", {}),
		testing.cfn_resource("AWS::ECR::RegistryScanningConfiguration", "Registry", {"ScanType": "BASIC", "Rules": [{"ScanFrequency": "SCAN_ON_PUSH", "RepositoryFilters": [{"Filter": "*", "FilterType": "WILDCARD"}]}]}),
	])
}
