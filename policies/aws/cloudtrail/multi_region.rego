# METADATA
# title: CloudTrail trail is not multi-region
# description: >-
#   A single-region trail misses API activity in every other region, where an attacker
#   can work unseen; a trail without global service events misses IAM, STS and
#   CloudFront activity.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
# custom:
#   id: IAC-AWS-CT-001
#   severity: medium
#   remediation: >-
#     Set `is_multi_region_trail = true` (CloudFormation `IsMultiRegionTrail: true`) and
#     leave `include_global_service_events` at its default, true
#     (`IncludeGlobalServiceEvents`).
#   frameworks: [CIS-AWS-3.1]
#   forms:
#     - >-
#       `is_multi_region_trail` absent, null or false (true, "true" and unknown values pass)
#     - >-
#       `include_global_service_events = false` (the default is true), reported at its own
#       line
#     - >-
#       CloudFormation `IsMultiRegionTrail` / `IncludeGlobalServiceEvents`, booleans or
#       quoted strings
#   not_flagged:
#     - >-
#       organization trails are judged like any other trail: `is_organization_trail` does
#       not replace multi-region recording
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

# A trail that leaves out global service events (IAM, STS, CloudFront: recorded in
# us-east-1) misses the account's most sensitive activity. `include_global_service_events`
# defaults to true; only an explicit false is reported. (The API rejects it on a
# multi-region trail, so in practice this is a single-region trail reported twice, once
# per setting, each at its own line.)
deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudtrail")
	lib.is_false(r.values.include_global_service_events)
	result := lib.finding(r, sprintf("CloudTrail trail %s does not record global service events (IAM, STS, CloudFront)", [r.address]), "include_global_service_events")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudTrail::Trail")
	lib.is_false(r.values.IncludeGlobalServiceEvents)
	result := lib.finding(r, sprintf("CloudTrail trail %s does not record global service events (IAM, STS, CloudFront)", [r.address]), "IncludeGlobalServiceEvents")
}
