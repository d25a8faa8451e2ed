# METADATA
# title: CloudTrail trail is not multi-region
# description: A single-region trail misses API activity in every other region, where an attacker can work unseen.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
# custom:
#   id: IAC-AWS-CT-001
#   severity: medium
#   remediation: 'Set `is_multi_region_trail = true` (CloudFormation `IsMultiRegionTrail: true`).'
#   frameworks: [CIS-AWS-3.1]
package iac_guard.aws.cloudtrail.multi_region

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudtrail")
	lib.false_or_missing(r.values, "is_multi_region_trail")
	result := lib.finding(r, sprintf("CloudTrail trail %s only records one region", [r.address]), "is_multi_region_trail")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudTrail::Trail")
	lib.false_or_missing(r.values, "IsMultiRegionTrail")
	result := lib.finding(r, sprintf("CloudTrail trail %s only records one region", [r.address]), "IsMultiRegionTrail")
}
