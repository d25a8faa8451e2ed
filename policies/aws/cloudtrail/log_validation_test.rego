package iac_guard.aws.cloudtrail.log_validation_test

import data.iac_guard.aws.cloudtrail.log_validation
import data.iac_guard.testing
import rego.v1

test_trail_without_validation_is_denied if {
	log_validation.deny == {{
		"msg": "CloudTrail trail aws_cloudtrail.t does not validate log files",
		"resource": "aws_cloudtrail.t",
		"file": "main.tf",
		"attribute": "enable_log_file_validation",
	}} with input as testing.tf([testing.tf_resource("aws_cloudtrail", "t", {"enable_log_file_validation": false})])
}

test_validated_or_unknown_passes if {
	count(log_validation.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_cloudtrail", "a", {"enable_log_file_validation": true}),
		testing.tf_resource("aws_cloudtrail", "b", {"enable_log_file_validation": testing.unknown("var.validate")}),
	])
}

test_cloudformation_trail_without_validation_is_denied if {
	testing.located(log_validation.deny) == {["Trail", "EnableLogFileValidation"]} with input as testing.cfn([testing.cfn_resource("AWS::CloudTrail::Trail", "Trail", {})])
}

test_boolean_forms if {
	testing.addresses(log_validation.deny) == {"aws_cloudtrail.string_false", "aws_cloudtrail.null"} with input as testing.tf([
		testing.tf_resource("aws_cloudtrail", "string_false", {"enable_log_file_validation": "false"}),
		testing.tf_resource("aws_cloudtrail", "null", {"enable_log_file_validation": null}),
		testing.tf_resource("aws_cloudtrail", "string_true", {"enable_log_file_validation": "true"}),
	])
}
