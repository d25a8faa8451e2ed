# METADATA
# title: GuardDuty detector is disabled
# description: >-
#   A detector with `enable = false` stops analysing CloudTrail, VPC Flow Logs and DNS
#   logs: reconnaissance, credential misuse and crypto-mining in the account and region
#   raise no finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html
# custom:
#   id: IAC-AWS-GD-001
#   severity: high
#   remediation: >-
#     Set `enable = true` (the default) on the `aws_guardduty_detector` (CloudFormation
#     `Enable: true` on `AWS::GuardDuty::Detector`).
#   frameworks: [AWS-FSBP-GuardDuty.1]
#   forms:
#     - 'Terraform `enable` (default true) as a boolean or "false"; CloudFormation `Enable` (required) as a boolean or "false"'
#   not_flagged:
#     - 'Accounts or repositories that declare no detector: only a detector the code declares is judged (GuardDuty is often enabled organisation-wide by a delegated administrator)'
#     - 'A setting that cannot be resolved'
package iac_guard.aws.guardduty.detector_enabled

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_guardduty_detector")
	lib.is_false(r.values.enable)
	result := lib.finding(r, sprintf("GuardDuty detector %s is disabled", [r.address]), "enable")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::GuardDuty::Detector")
	lib.false_or_missing(r.values, "Enable")
	result := lib.finding(r, sprintf("GuardDuty detector %s is disabled", [r.address]), "Enable")
}
