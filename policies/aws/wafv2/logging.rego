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
#   not_flagged:
#     - 'Web ACLs whose logging is configured in another root module or template: a logging configuration counts only within its own root module (template)'
package iac_guard.aws.wafv2.logging

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_wafv2_web_acl_logging_configuration", "resource_arn")

cfn_logged := lib.pointers("AWS::WAFv2::LoggingConfiguration", "ResourceArn")

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_wafv2_web_acl")
	not lib.pointed_at(r, logged, "arn")
	result := lib.finding(r, sprintf("WAF web ACL %s has no logging configuration", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::WAFv2::WebACL")
	not lib.pointed_at(r, cfn_logged, "Arn")
	result := lib.finding(r, sprintf("WAF web ACL %s has no logging configuration", [r.address]), "")
}
