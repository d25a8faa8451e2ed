# METADATA
# title: SQS queue is not encrypted
# description: >-
#   A queue with neither a KMS key nor SQS-managed encryption (SSE-SQS) stores its
#   messages unencrypted at rest.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: IAC-AWS-SQS-001
#   severity: medium
#   remediation: >-
#     Set `kms_master_key_id` (CloudFormation `KmsMasterKeyId`) to a KMS key, or
#     `sqs_managed_sse_enabled = true` (`SqsManagedSseEnabled: true`).
#   forms:
#     - >-
#       `kms_master_key_id` absent, null or "" together with `sqs_managed_sse_enabled`
#       absent, null or false; CloudFormation `KmsMasterKeyId` / `SqsManagedSseEnabled`
#   not_flagged:
#     - >-
#       queues with SSE-SQS (`sqs_managed_sse_enabled = true`)
#     - >-
#       stricter than the service: new queues get SSE-SQS by default since 2022, the rule
#       asks for it to be explicit
package iac_guard.aws.sqs.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sqs_queue")
	not lib.is_set(r.values, "kms_master_key_id")
	lib.false_or_missing(r.values, "sqs_managed_sse_enabled")
	result := lib.finding(r, sprintf("SQS queue %s is not encrypted", [r.address]), "kms_master_key_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SQS::Queue")
	not lib.is_set(r.values, "KmsMasterKeyId")
	lib.false_or_missing(r.values, "SqsManagedSseEnabled")
	result := lib.finding(r, sprintf("SQS queue %s is not encrypted", [r.address]), "KmsMasterKeyId")
}
