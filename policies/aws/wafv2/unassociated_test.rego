package iac_guard.aws.wafv2.unassociated_test

import data.iac_guard.aws.wafv2.unassociated
import data.iac_guard.testing
import rego.v1

test_unassociated_web_acl_is_denied if {
	unassociated.deny == {{
		"msg": "WAF web ACL aws_wafv2_web_acl.spare is not associated with any resource",
		"resource": "aws_wafv2_web_acl.spare",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "alb", {"scope": "REGIONAL"}),
		testing.tf_resource("aws_wafv2_web_acl", "cdn", {"scope": "CLOUDFRONT"}),
		testing.tf_resource("aws_wafv2_web_acl", "spare", {"scope": "REGIONAL"}),
		testing.tf_resource("aws_wafv2_web_acl_association", "alb", {"web_acl_arn": testing.unknown("aws_wafv2_web_acl.alb.arn"), "resource_arn": testing.unknown("aws_lb.web.arn")}),
		testing.tf_resource("aws_cloudfront_distribution", "cdn", {"web_acl_id": testing.unknown("aws_wafv2_web_acl.cdn.arn")}),
	])
}

test_module_that_only_builds_the_web_acl_passes if {
	count(unassociated.deny) == 0 with input as testing.tf([testing.tf_resource("aws_wafv2_web_acl", "this", {})])
}

test_unresolved_association_passes if {
	count(unassociated.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {}),
		testing.tf_resource("aws_wafv2_web_acl_association", "x", {"web_acl_arn": testing.unknown("var.web_acl_arn")}),
	])
}

test_literal_arn_association_passes if {
	count(unassociated.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {}),
		testing.tf_resource("aws_wafv2_web_acl_association", "x", {"web_acl_arn": "arn:aws:wafv2:eu-west-1:1:regional/webacl/a/1"}),
	])
}

test_cloudformation_unassociated_web_acl_is_denied if {
	testing.located(unassociated.deny) == {["Spare", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::WAFv2::WebACL", "Regional", {}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Edge", {}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "Spare", {}),
		testing.cfn_resource("AWS::WAFv2::WebACLAssociation", "Assoc", {"WebACLArn": {"Fn::GetAtt": ["Regional", "Arn"]}}),
		testing.cfn_resource("AWS::CloudFront::Distribution", "Cdn", {"DistributionConfig": {"WebACLId": {"Fn::GetAtt": ["Edge", "Arn"]}}}),
	])
}
