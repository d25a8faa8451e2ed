# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: >-
#   Trails encrypted only with S3-managed keys can be read by anyone with read access to
#   the bucket; SSE-KMS adds a key policy that decides who may decrypt the audit trail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: IAC-AWS-CT-003
#   severity: medium
#   remediation: 'Set `kms_key_id` (CloudFormation `KMSKeyId`) to a customer managed KMS key whose policy lets CloudTrail encrypt and your auditors decrypt.'
#   frameworks: [CIS-AWS-3.5]
#   forms:
#     - >-
#       `kms_key_id` absent, null, "" or blank; CloudFormation `KMSKeyId` absent, null, "" or `!Ref AWS::NoValue`
#     - >-
#       a key ARN, alias, reference (`aws_kms_key.k.arn`) or intrinsic (`!Ref`, `!GetAtt`,
#       `!ImportValue`) counts as set
#   not_flagged:
#     - >-
#       whether the named key exists or its key policy lets CloudTrail use it
package iac_guard.aws.cloudtrail.kms_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudtrail")
	not lib.is_set(r.values, "kms_key_id")
	result := lib.finding(r, sprintf("CloudTrail trail %s is not encrypted with a KMS key", [r.address]), "kms_key_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudTrail::Trail")
	not lib.is_set(r.values, "KMSKeyId")
	result := lib.finding(r, sprintf("CloudTrail trail %s is not encrypted with a KMS key", [r.address]), "KMSKeyId")
}
