package iac_guard.aws.cloudtrail.multi_region_test

import data.iac_guard.aws.cloudtrail.multi_region
import data.iac_guard.testing
import rego.v1

test_single_region_trail_is_denied if {
	multi_region.deny == {{
		"msg": "CloudTrail trail aws_cloudtrail.t only records one region",
		"resource": "aws_cloudtrail.t",
		"file": "main.tf",
		"attribute": "is_multi_region_trail",
	}} with input as testing.tf([testing.tf_resource("aws_cloudtrail", "t", {"s3_bucket_name": "logs"})])
}

test_multi_region_trail_passes if {
	count(multi_region.deny) == 0 with input as testing.tf([testing.tf_resource("aws_cloudtrail", "t", {"is_multi_region_trail": true})])
}

test_cloudformation_single_region_trail_is_denied if {
	testing.located(multi_region.deny) == {["Trail", "IsMultiRegionTrail"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudTrail::Trail", "Trail", {"IsMultiRegionTrail": "false"}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "Org", {"IsMultiRegionTrail": true}),
	])
}

test_global_service_events_off_is_denied if {
	testing.located(multi_region.deny) == {["aws_cloudtrail.no_global", "include_global_service_events"], ["aws_cloudtrail.string_false", "include_global_service_events"]} with input as testing.tf([
		testing.tf_resource("aws_cloudtrail", "no_global", {"is_multi_region_trail": true, "include_global_service_events": false}),
		testing.tf_resource("aws_cloudtrail", "string_false", {"is_multi_region_trail": true, "include_global_service_events": "false"}),
		testing.tf_resource("aws_cloudtrail", "default", {"is_multi_region_trail": true}),
		testing.tf_resource("aws_cloudtrail", "unknown", {"is_multi_region_trail": true, "include_global_service_events": testing.unknown("var.global")}),
	])
}

test_cloudformation_global_service_events_off_is_denied if {
	testing.located(multi_region.deny) == {["NoGlobal", "IncludeGlobalServiceEvents"], ["NoGlobal", "IsMultiRegionTrail"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudTrail::Trail", "NoGlobal", {"IncludeGlobalServiceEvents": "false"}),
		testing.cfn_resource("AWS::CloudTrail::Trail", "Good", {"IsMultiRegionTrail": true, "IncludeGlobalServiceEvents": true}),
	])
}
