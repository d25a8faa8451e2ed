# METADATA
# title: DynamoDB table has no point-in-time recovery
# description: >-
#   Without point-in-time recovery, items deleted or overwritten by a bug or an attacker
#   can only be restored from the last manual backup, if there is one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
# custom:
#   id: IAC-AWS-DDB-002
#   severity: low
#   remediation: >-
#     Add `point_in_time_recovery { enabled = true }` (CloudFormation
#     `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true`).
#   forms:
#     - >-
#       `point_in_time_recovery` block absent or `enabled` false/null; CloudFormation
#       `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`
#   not_flagged:
#     - >-
#       global table replicas (`replica` blocks) are not judged separately
package iac_guard.aws.dynamodb.point_in_time_recovery

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dynamodb_table")
	not lib.block_unknown(r.values, "point_in_time_recovery", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "point_in_time_recovery"), "enabled")
	result := lib.finding(r, sprintf("DynamoDB table %s has no point-in-time recovery", [r.address]), "point_in_time_recovery")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DynamoDB::Table")
	not lib.block_unknown(r.values, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "PointInTimeRecoverySpecification"), "PointInTimeRecoveryEnabled")
	result := lib.finding(r, sprintf("DynamoDB table %s has no point-in-time recovery", [r.address]), "PointInTimeRecoverySpecification")
}
