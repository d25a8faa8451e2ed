package iac_guard.aws.guardduty.detector_enabled_test

import data.iac_guard.aws.guardduty.detector_enabled
import data.iac_guard.testing
import rego.v1

test_disabled_detector_is_denied if {
	detector_enabled.deny == {{
		"msg": "GuardDuty detector aws_guardduty_detector.a is disabled",
		"resource": "aws_guardduty_detector.a",
		"file": "main.tf",
		"attribute": "enable",
	}} with input as testing.tf([
		testing.tf_resource("aws_guardduty_detector", "a", {"enable": false}),
		testing.tf_resource("aws_guardduty_detector", "b", {"enable": true}),
		testing.tf_resource("aws_guardduty_detector", "c", {}),
		testing.tf_resource("aws_guardduty_detector", "d", {"enable": testing.unknown("var.on")}),
	])
}

test_no_detector_passes if {
	count(detector_enabled.deny) == 0 with input as testing.tf([testing.tf_resource("aws_s3_bucket", "b", {})])
}

test_cloudformation_disabled_detector_is_denied if {
	testing.located(detector_enabled.deny) == {["Off", "Enable"], ["Missing", "Enable"]} with input as testing.cfn([
		testing.cfn_resource("AWS::GuardDuty::Detector", "Off", {"Enable": "false"}),
		testing.cfn_resource("AWS::GuardDuty::Detector", "Missing", {}),
		testing.cfn_resource("AWS::GuardDuty::Detector", "On", {"Enable": true}),
		testing.cfn_resource("AWS::GuardDuty::Detector", "Param", {"Enable": {"Ref": "On"}}),
	])
}
