# METADATA
# title: Kinesis Data Firehose stream is not encrypted at rest
# description: >-
#   A Direct PUT delivery stream without server-side encryption buffers incoming records
#   unencrypted before delivering them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
# custom:
#   id: IAC-AWS-KINESIS-002
#   severity: medium
#   remediation: >-
#     Terraform: set `server_side_encryption { enabled = true, key_type =
#     "CUSTOMER_MANAGED_CMK", key_arn = ... }` (or `AWS_OWNED_CMK`) on the
#     `aws_kinesis_firehose_delivery_stream`. CloudFormation: set
#     `DeliveryStreamEncryptionConfigurationInput.KeyType` on the
#     `AWS::KinesisFirehose::DeliveryStream`.
#   frameworks: [AWS-FSBP-DataFirehose.1]
#   forms:
#     - 'Terraform `aws_kinesis_firehose_delivery_stream`: `server_side_encryption` absent, or its `enabled` absent, false or "false"'
#     - 'CloudFormation `AWS::KinesisFirehose::DeliveryStream`: `DeliveryStreamEncryptionConfigurationInput` absent or without `KeyType`'
#   not_flagged:
#     - 'Streams that read from a Kinesis data stream or MSK (`kinesis_source_configuration` / `msk_source_configuration`, CloudFormation `DeliveryStreamType` KinesisStreamAsSource / MSKAsSource): Firehose rejects server-side encryption for them, and the source holds the encryption (see IAC-AWS-KINESIS-001).'
#     - Unknown blocks or values.
package iac_guard.aws.kinesis.firehose_encryption

import data.iac_guard.lib
import rego.v1

tf_sourced(values) if lib.has_block(values, "kinesis_source_configuration")

tf_sourced(values) if lib.has_block(values, "msk_source_configuration")

tf_sourced(values) if lib.is_unknown(values.kinesis_source_configuration)

tf_sourced(values) if lib.is_unknown(values.msk_source_configuration)

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_kinesis_firehose_delivery_stream")
	not tf_sourced(r.values)
	not lib.block_unknown(r.values, "server_side_encryption", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "server_side_encryption"), "enabled")
	result := lib.finding(r, sprintf("Firehose delivery stream %s is not encrypted at rest", [r.address]), "server_side_encryption")
}

cfn_sourced(values) if values.DeliveryStreamType in {"KinesisStreamAsSource", "MSKAsSource"}

cfn_sourced(values) if lib.is_unknown(values.DeliveryStreamType)

cfn_sourced(values) if lib.has_key(values, "KinesisStreamSourceConfiguration")

cfn_sourced(values) if lib.has_key(values, "MSKSourceConfiguration")

no_key_type(input_config) if not lib.has_key(input_config, "KeyType")

no_key_type(input_config) if input_config.KeyType in {null, ""}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::KinesisFirehose::DeliveryStream")
	not cfn_sourced(r.values)
	not lib.block_unknown(r.values, "DeliveryStreamEncryptionConfigurationInput", "KeyType")
	no_key_type(lib.block_or_empty(r.values, "DeliveryStreamEncryptionConfigurationInput"))
	result := lib.finding(r, sprintf("Firehose delivery stream %s is not encrypted at rest", [r.address]), "DeliveryStreamEncryptionConfigurationInput")
}
