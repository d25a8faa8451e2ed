# METADATA
# title: WAF web ACL does not log requests
# description: >-
#   Without a logging configuration a web ACL keeps no record of the requests it
#   inspected, allowed or blocked: attacks it stopped, and the ones it let through, leave
#   nothing to investigate.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/logging.html
# custom:
#   id: IAC-AWS-WAF-001
#   severity: medium
#   remediation: >-
#     Add an `aws_wafv2_web_acl_logging_configuration` whose `resource_arn` is the web
#     ACL's ARN and whose `log_destination_configs` names a CloudWatch Logs group, S3
#     bucket or Firehose stream (`aws-waf-logs-` prefix); CloudFormation
#     `AWS::WAFv2::LoggingConfiguration` with `ResourceArn: !GetAtt WebACL.Arn`.
#   frameworks: [AWS-FSBP-WAF.11]
#   forms:
#     - 'Terraform `aws_wafv2_web_acl_logging_configuration.resource_arn` as a reference to the web ACL or its literal ARN'
#     - 'CloudFormation `AWS::WAFv2::LoggingConfiguration.ResourceArn` as `!GetAtt WebACL.Arn` / `Fn::GetAtt` / `!Ref`'
#     - 'A logging configuration counts only within its own root module (template): one in another root module does not cover the web ACL'
#   not_flagged:
#     - 'Web ACLs in a root module (template) where some logging configuration''s `resource_arn` cannot be resolved (a variable, a module output, a literal ARN): it may be this one'
package iac_guard.aws.wafv2.logging

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_wafv2_web_acl_logging_configuration", "resource_arn")

cfn_logged := lib.pointers("AWS::WAFv2::LoggingConfiguration", "ResourceArn")

acl_keys := {lib.address_key(r) | some rtype in ["aws_wafv2_web_acl", "AWS::WAFv2::WebACL"]; some r in lib.resources(rtype)}

# Root modules (templates) where a logging configuration points at something that cannot
# be resolved (a variable, a module output, a literal ARN): it may be any web ACL there.
uncertain contains lib.scope(c) if {
	some [rtype, attr] in [["aws_wafv2_web_acl_logging_configuration", "resource_arn"], ["AWS::WAFv2::LoggingConfiguration", "ResourceArn"]]
	some c in lib.resources(rtype)
	not resolves(c, object.get(c.values, attr, null))
}

resolves(c, value) if {
	lib.is_unknown(value)
	acl_keys[lib.scoped(c, lib.reference_target(c, value))]
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_wafv2_web_acl")
	not uncertain[lib.scope(r)]
	not lib.pointed_at(r, logged, "arn")
	result := lib.finding(r, sprintf("WAF web ACL %s has no logging configuration", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::WAFv2::WebACL")
	not uncertain[lib.scope(r)]
	not lib.pointed_at(r, cfn_logged, "Arn")
	result := lib.finding(r, sprintf("WAF web ACL %s has no logging configuration", [r.address]), "")
}
