package iac_guard.aws.wafv2.allow_without_rules_test

import data.iac_guard.aws.wafv2.allow_without_rules
import data.iac_guard.testing
import rego.v1

test_allow_all_without_rules_is_denied if {
	allow_without_rules.deny == {{
		"msg": "WAF web ACL aws_wafv2_web_acl.a allows every request and has no rules",
		"resource": "aws_wafv2_web_acl.a",
		"file": "main.tf",
		"attribute": "default_action",
	}} with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {"default_action": [{"allow": [{}]}]}),
		testing.tf_resource("aws_wafv2_web_acl", "block", {"default_action": [{"block": [{}]}]}),
		testing.tf_resource("aws_wafv2_web_acl", "rules", {"default_action": [{"allow": [{}]}], "rule": [{"name": "common"}]}),
		testing.tf_resource("aws_wafv2_web_acl", "json", {"default_action": [{"allow": [{}]}], "rule_json": "[{\"Name\":\"x\"}]"}),
		testing.tf_resource("aws_wafv2_web_acl", "dynamic", {"default_action": [{"allow": [{}]}], "rule": testing.unknown("dynamic rule")}),
		testing.tf_resource("aws_wafv2_web_acl", "attached", {"default_action": [{"allow": [{}]}]}),
		testing.tf_resource("aws_wafv2_web_acl_rule_group_association", "x", {"web_acl_arn": testing.unknown("aws_wafv2_web_acl.attached.arn")}),
	])
}

test_cloudformation_allow_all_without_rules_is_denied if {
	testing.located(allow_without_rules.deny) == {["Open", "DefaultAction"], ["Empty", "DefaultAction"]} with input as testing.cfn([
		testing.cfn_resource("AWS::WAFv2::WebACL", "Open", {"DefaultAction": {"Allow": {}}}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Empty", {"DefaultAction": {"Allow": {}}, "Rules": []}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Ruled", {"DefaultAction": {"Allow": {}}, "Rules": [{"Name": "r"}]}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Block", {"DefaultAction": {"Block": {}}}),
	])
}
