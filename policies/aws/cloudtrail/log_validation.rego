# METADATA
# title: CloudTrail log file validation is disabled
# description: Without digest files, a tampered or deleted log file cannot be detected.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
# custom:
#   id: IAC-AWS-CT-002
#   severity: medium
#   remediation: 'Set `enable_log_file_validation = true` (CloudFormation `EnableLogFileValidation: true`).'
#   frameworks: [CIS-AWS-3.2]
#   forms:
#     - >-
#       `enable_log_file_validation` absent, null or false; CloudFormation
#       `EnableLogFileValidation`, boolean or quoted string
#   not_flagged:
#     - >-
#       an unknown value (a variable without default)
package iac_guard.aws.cloudtrail.log_validation

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudtrail")
	lib.false_or_missing(r.values, "enable_log_file_validation")
	result := lib.finding(r, sprintf("CloudTrail trail %s does not validate log files", [r.address]), "enable_log_file_validation")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudTrail::Trail")
	lib.false_or_missing(r.values, "EnableLogFileValidation")
	result := lib.finding(r, sprintf("CloudTrail trail %s does not validate log files", [r.address]), "EnableLogFileValidation")
}
