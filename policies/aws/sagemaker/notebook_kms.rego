# METADATA
# title: SageMaker notebook instance storage is not encrypted with a KMS key
# description: >-
#   Without `kms_key_id` the notebook's ML storage volume, where notebooks, datasets and
#   model artefacts live, is not encrypted with a key you control, audit and can revoke.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html
# custom:
#   id: IAC-AWS-SAGEMAKER-004
#   severity: medium
#   remediation: >-
#     Set `kms_key_id` on the `aws_sagemaker_notebook_instance` (CloudFormation
#     `KmsKeyId` on `AWS::SageMaker::NotebookInstance`) to a customer managed KMS key.
#   forms:
#     - 'Terraform `kms_key_id`, CloudFormation `KmsKeyId`: absent, null or ""'
#   not_flagged:
#     - 'A key that cannot be resolved (a reference or variable counts as set)'
package iac_guard.aws.sagemaker.notebook_kms

import data.iac_guard.aws.sagemaker.notebook_vpc
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sagemaker_notebook_instance")
	notebook_vpc.unset(r.values, "kms_key_id")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s is not encrypted with a KMS key", [r.address]), "kms_key_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SageMaker::NotebookInstance")
	notebook_vpc.unset(r.values, "KmsKeyId")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s is not encrypted with a KMS key", [r.address]), "KmsKeyId")
}
