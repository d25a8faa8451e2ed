# METADATA
# title: Kinesis data stream is not encrypted at rest
# description: >-
#   Records in a stream without server-side encryption are stored unencrypted in the
#   shards for the whole retention period (24 hours up to a year).
# related_resources:
#   - ref: https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
# custom:
#   id: IAC-AWS-KINESIS-001
#   severity: medium
#   remediation: >-
#     Terraform: set `encryption_type = "KMS"` and `kms_key_id` (`alias/aws/kinesis` or a
#     customer managed key) on the `aws_kinesis_stream`. CloudFormation: set
#     `StreamEncryption: { EncryptionType: KMS, KeyId: ... }` on the `AWS::Kinesis::Stream`.
#   frameworks: [AWS-FSBP-Kinesis.1]
#   forms:
#     - 'Terraform `aws_kinesis_stream.encryption_type`: absent (NONE), null, "" or "NONE" (any case)'
#     - 'CloudFormation `AWS::Kinesis::Stream`: `StreamEncryption` absent, or its `EncryptionType` absent or NONE'
#   not_flagged:
#     - An unknown encryption type or `StreamEncryption` (a variable, `!If`).
package iac_guard.aws.kinesis.stream_encryption

import data.iac_guard.lib
import rego.v1

unencrypted(values, key) if not lib.has_key(values, key)

unencrypted(values, key) if values[key] in {null, ""}

unencrypted(values, key) if lib.lowercase(values[key]) == "none"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_kinesis_stream")
	unencrypted(r.values, "encryption_type")
	result := lib.finding(r, sprintf("Kinesis stream %s is not encrypted at rest", [r.address]), "encryption_type")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Kinesis::Stream")
	not lib.block_unknown(r.values, "StreamEncryption", "EncryptionType")
	unencrypted(lib.block_or_empty(r.values, "StreamEncryption"), "EncryptionType")
	result := lib.finding(r, sprintf("Kinesis stream %s is not encrypted at rest", [r.address]), "StreamEncryption")
}
