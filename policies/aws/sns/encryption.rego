# METADATA
# title: SNS topic is not encrypted
# description: Messages published to a topic without a KMS key are stored unencrypted at rest.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: IAC-AWS-SNS-001
#   severity: medium
#   remediation: 'Set `kms_master_key_id` (CloudFormation `KmsMasterKeyId`) to a KMS key, e.g. `alias/aws/sns` or a customer managed key.'
#   forms:
#     - >-
#       `kms_master_key_id` absent, null, "" or blank; CloudFormation `KmsMasterKeyId`
#       absent, null, "" or `!Ref AWS::NoValue`
#     - >-
#       an alias (`alias/aws/sns`), ARN, reference or intrinsic counts as set
#   not_flagged:
#     - >-
#       the AWS managed key `alias/aws/sns` is accepted: it encrypts at rest
package iac_guard.aws.sns.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sns_topic")
	not lib.is_set(r.values, "kms_master_key_id")
	result := lib.finding(r, sprintf("SNS topic %s is not encrypted with a KMS key", [r.address]), "kms_master_key_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SNS::Topic")
	not lib.is_set(r.values, "KmsMasterKeyId")
	result := lib.finding(r, sprintf("SNS topic %s is not encrypted with a KMS key", [r.address]), "KmsMasterKeyId")
}
