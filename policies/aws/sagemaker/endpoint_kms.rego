# METADATA
# title: SageMaker endpoint configuration does not encrypt its storage with a KMS key
# description: >-
#   Without a KMS key the ML storage volumes attached to the endpoint's instances (model
#   artefacts, captured data) are not encrypted with a key you control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
# custom:
#   id: IAC-AWS-SAGEMAKER-005
#   severity: medium
#   remediation: >-
#     Set `kms_key_arn` on the `aws_sagemaker_endpoint_configuration` (CloudFormation
#     `KmsKeyId` on `AWS::SageMaker::EndpointConfig`) to a KMS key.
#   forms:
#     - 'Terraform `kms_key_arn`, CloudFormation `KmsKeyId`: absent, null or ""'
#     - 'Production variants from Terraform `production_variants` blocks and CloudFormation `ProductionVariants[]`'
#   not_flagged:
#     - 'Configurations whose variants are all serverless or on instance types with NVMe instance storage (`ml.m5d`, `ml.g4dn`, `ml.p4d`...): that storage is hardware-encrypted and SageMaker rejects a KMS key for it'
#     - 'A key that cannot be resolved'
package iac_guard.aws.sagemaker.endpoint_kms

import data.iac_guard.aws.sagemaker.notebook_vpc
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sagemaker_endpoint_configuration")
	notebook_vpc.unset(r.values, "kms_key_arn")
	ebs_backed(r.values.production_variants, "instance_type", "serverless_config")
	result := lib.finding(r, sprintf("SageMaker endpoint configuration %s does not encrypt its storage with a KMS key", [r.address]), "kms_key_arn")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SageMaker::EndpointConfig")
	notebook_vpc.unset(r.values, "KmsKeyId")
	ebs_backed(r.values.ProductionVariants, "InstanceType", "ServerlessConfig")
	result := lib.finding(r, sprintf("SageMaker endpoint configuration %s does not encrypt its storage with a KMS key", [r.address]), "KmsKeyId")
}

# Some variant runs on an instance type whose storage is an EBS volume.
ebs_backed(variants, type_key, serverless_key) if {
	some v in lib.items(variants)
	is_object(v)
	not lib.has_block(v, serverless_key)
	type := v[type_key]
	is_string(type)
	not regex.match(`^ml\.[a-z]+[0-9]+[a-z]*d[a-z]*\.`, type)
}
