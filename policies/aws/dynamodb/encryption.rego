# METADATA
# title: DynamoDB table is not encrypted with a KMS key
# description: >-
#   Tables without server-side encryption settings use an AWS-owned key that you cannot
#   audit, rotate or restrict; a KMS key (AWS managed or, better, customer managed) puts
#   every decrypt under a key policy and in CloudTrail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
# custom:
#   id: IAC-AWS-DDB-001
#   severity: medium
#   remediation: >-
#     Add `server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.table.arn }`
#     (CloudFormation `SSESpecification: {SSEEnabled: true, KMSMasterKeyId: ...}`).
#   forms:
#     - >-
#       `server_side_encryption` block absent or `enabled` false/null; CloudFormation
#       `SSESpecification.SSEEnabled`
#   not_flagged:
#     - >-
#       tables on the AWS owned key (the default, still encrypted at rest): the rule asks
#       for a KMS key you control, as CIS does
#     - >-
#       an unknown `enabled` value
package iac_guard.aws.dynamodb.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dynamodb_table")
	not lib.block_unknown(r.values, "server_side_encryption", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "server_side_encryption"), "enabled")
	result := lib.finding(r, sprintf("DynamoDB table %s is not encrypted with a KMS key", [r.address]), "server_side_encryption")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DynamoDB::Table")
	not lib.block_unknown(r.values, "SSESpecification", "SSEEnabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "SSESpecification"), "SSEEnabled")
	result := lib.finding(r, sprintf("DynamoDB table %s is not encrypted with a KMS key", [r.address]), "SSESpecification")
}
