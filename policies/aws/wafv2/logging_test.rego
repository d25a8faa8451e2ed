package iac_guard.aws.wafv2.logging_test

import data.iac_guard.aws.wafv2.logging
import data.iac_guard.testing
import rego.v1

test_web_acl_without_logging_is_denied if {
	logging.deny == {{
		"msg": "WAF web ACL aws_wafv2_web_acl.b has no logging configuration",
		"resource": "aws_wafv2_web_acl.b",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {"name": "a"}),
		testing.tf_resource("aws_wafv2_web_acl", "b", {"name": "b"}),
		testing.tf_resource("aws_wafv2_web_acl_logging_configuration", "a", {"resource_arn": testing.unknown("aws_wafv2_web_acl.a.arn")}),
	])
}

test_cloudformation_web_acl_without_logging_is_denied if {
	testing.located(logging.deny) == {["Bare", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::WAFv2::WebACL", "Bare", {}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Logged", {}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Short", {}),
		testing.cfn_resource("AWS::WAFv2::LoggingConfiguration", "L1", {"ResourceArn": {"Fn::GetAtt": ["Logged", "Arn"]}}),
		testing.cfn_resource("AWS::WAFv2::LoggingConfiguration", "L2", {"ResourceArn": {"Fn::GetAtt": "Short.Arn"}}),
	])
}

test_unresolved_logging_configuration_passes if {
	count(logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {}),
		testing.tf_resource("aws_wafv2_web_acl_logging_configuration", "x", {"resource_arn": testing.unknown("module.waf.web_acl_arn")}),
	])
}

test_logging_in_another_root_module_does_not_count if {
	testing.addresses(logging.deny) == {"aws_wafv2_web_acl.a"} with input as testing.tf([
		object.union(testing.tf_resource("aws_wafv2_web_acl", "a", {}), {"root": "envs/prod"}),
		object.union(testing.tf_resource("aws_wafv2_web_acl_logging_configuration", "a", {"resource_arn": testing.unknown("aws_wafv2_web_acl.a.arn")}), {"root": "envs/dev"}),
	])
}
