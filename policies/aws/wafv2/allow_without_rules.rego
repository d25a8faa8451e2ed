# METADATA
# title: WAF web ACL allows everything and has no rules
# description: >-
#   A web ACL whose default action is Allow and which holds no rule or rule group lets
#   every request through: it looks like protection and inspects nothing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-default-action.html
# custom:
#   id: IAC-AWS-WAF-002
#   severity: medium
#   remediation: >-
#     Add `rule` blocks (managed rule groups such as AWSManagedRulesCommonRuleSet, rate
#     limits) to the `aws_wafv2_web_acl` (CloudFormation `Rules` on `AWS::WAFv2::WebACL`),
#     or make `default_action` (`DefaultAction`) block.
#   frameworks: [AWS-FSBP-WAF.10]
#   forms:
#     - 'Terraform inline `rule` blocks, the `rule_json` string, and separate `aws_wafv2_web_acl_rule_group_association` resources pointing at the web ACL'
#     - 'CloudFormation `Rules[]` (absent, empty)'
#     - 'Default action Allow as Terraform `default_action { allow {} }` or CloudFormation `DefaultAction.Allow`'
#   not_flagged:
#     - 'Web ACLs whose default action is Block (nothing passes unchecked), or whose rules or default action cannot be resolved'
package iac_guard.aws.wafv2.allow_without_rules

import data.iac_guard.lib
import rego.v1

associated := lib.pointers("aws_wafv2_web_acl_rule_group_association", "web_acl_arn")

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_wafv2_web_acl")
	lib.has_block(lib.block(r.values, "default_action"), "allow")
	no_rules(r.values, "rule")
	not has_rule_json(r.values)
	not lib.pointed_at(r, associated, "arn")
	result := lib.finding(r, sprintf("WAF web ACL %s allows every request and has no rules", [r.address]), "default_action")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::WAFv2::WebACL")
	is_object(r.values.DefaultAction.Allow)
	no_rules(r.values, "Rules")
	result := lib.finding(r, sprintf("WAF web ACL %s allows every request and has no rules", [r.address]), "DefaultAction")
}

no_rules(values, key) if not lib.has_key(values, key)

no_rules(values, key) if values[key] == null

no_rules(values, key) if values[key] == []

has_rule_json(values) if {
	is_string(values.rule_json)
	values.rule_json != ""
}

has_rule_json(values) if lib.is_unknown(values.rule_json)
