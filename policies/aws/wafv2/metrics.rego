# METADATA
# title: WAF web ACL or rule does not publish CloudWatch metrics
# description: >-
#   With `cloudwatch_metrics_enabled = false` a web ACL, rule group or rule publishes no
#   request counts: a surge of blocked requests (an attack) or a rule that suddenly
#   matches nothing raises no alarm.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/APIReference/API_VisibilityConfig.html
# custom:
#   id: IAC-AWS-WAF-004
#   severity: low
#   remediation: >-
#     Set `cloudwatch_metrics_enabled = true` in every `visibility_config` of the
#     `aws_wafv2_web_acl` / `aws_wafv2_rule_group` and their `rule` blocks
#     (CloudFormation `VisibilityConfig.CloudWatchMetricsEnabled` and
#     `Rules[].VisibilityConfig.CloudWatchMetricsEnabled`).
#   frameworks: [AWS-FSBP-WAF.12]
#   forms:
#     - 'The web ACL''s (rule group''s) own `visibility_config` and each inline `rule`''s, Terraform and CloudFormation'
#     - '`false` or the string "false"'
#   not_flagged:
#     - 'Values that cannot be resolved, and rules given as `rule_json` strings'
package iac_guard.aws.wafv2.metrics

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_wafv2_web_acl", "aws_wafv2_rule_group"]
	some r in lib.managed(rtype)
	some [at, what] in tf_configs(r.values)
	result := lib.finding(r, sprintf("%s %s publishes no CloudWatch metrics", [r.address, what]), at)
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::WAFv2::WebACL", "AWS::WAFv2::RuleGroup"]
	some r in lib.resources(rtype)
	some [at, what] in cfn_configs(r.values)
	result := lib.finding(r, sprintf("%s %s publishes no CloudWatch metrics", [r.address, what]), at)
}

tf_configs(values) := {["visibility_config.0.cloudwatch_metrics_enabled", "itself"] |
	lib.is_false(lib.block(values, "visibility_config").cloudwatch_metrics_enabled)
} | {[sprintf("rule.%d.visibility_config.0.cloudwatch_metrics_enabled", [i]), sprintf("rule %v", [object.get(rule, "name", i)])] |
	some i, rule in lib.items(values.rule)
	is_object(rule)
	lib.is_false(lib.block(rule, "visibility_config").cloudwatch_metrics_enabled)
}

cfn_configs(values) := {["VisibilityConfig.CloudWatchMetricsEnabled", "itself"] |
	lib.is_false(values.VisibilityConfig.CloudWatchMetricsEnabled)
} | {[sprintf("Rules.%d.VisibilityConfig.CloudWatchMetricsEnabled", [i]), sprintf("rule %v", [object.get(rule, "Name", i)])] |
	some i, rule in lib.items(values.Rules)
	is_object(rule)
	lib.is_false(rule.VisibilityConfig.CloudWatchMetricsEnabled)
}
