package iac_guard.aws.wafv2.metrics_test

import data.iac_guard.aws.wafv2.metrics
import data.iac_guard.testing
import rego.v1

test_disabled_metrics_are_denied if {
	metrics.deny == {
		{
			"msg": "aws_wafv2_web_acl.a itself publishes no CloudWatch metrics",
			"resource": "aws_wafv2_web_acl.a",
			"file": "main.tf",
			"attribute": "visibility_config.0.cloudwatch_metrics_enabled",
		},
		{
			"msg": "aws_wafv2_web_acl.a rule common publishes no CloudWatch metrics",
			"resource": "aws_wafv2_web_acl.a",
			"file": "main.tf",
			"attribute": "rule.1.visibility_config.0.cloudwatch_metrics_enabled",
		},
		{
			"msg": "aws_wafv2_rule_group.g itself publishes no CloudWatch metrics",
			"resource": "aws_wafv2_rule_group.g",
			"file": "main.tf",
			"attribute": "visibility_config.0.cloudwatch_metrics_enabled",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_wafv2_web_acl", "a", {
			"visibility_config": [{"cloudwatch_metrics_enabled": false}],
			"rule": [{"name": "rate", "visibility_config": [{"cloudwatch_metrics_enabled": true}]}, {"name": "common", "visibility_config": [{"cloudwatch_metrics_enabled": "false"}]}],
		}),
		testing.tf_resource("aws_wafv2_rule_group", "g", {"visibility_config": [{"cloudwatch_metrics_enabled": false}]}),
		testing.tf_resource("aws_wafv2_web_acl", "b", {"visibility_config": [{"cloudwatch_metrics_enabled": testing.unknown("var.m")}]}),
	])
}

test_cloudformation_disabled_metrics_are_denied if {
	testing.located(metrics.deny) == {["Acl", "VisibilityConfig.CloudWatchMetricsEnabled"], ["Acl", "Rules.0.VisibilityConfig.CloudWatchMetricsEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::WAFv2::WebACL", "Acl", {"VisibilityConfig": {"CloudWatchMetricsEnabled": "false"}, "Rules": [{"Name": "r", "VisibilityConfig": {"CloudWatchMetricsEnabled": false}}]}),
		testing.cfn_resource("AWS::WAFv2::WebACL", "On", {"VisibilityConfig": {"CloudWatchMetricsEnabled": true}}),
	])
}
