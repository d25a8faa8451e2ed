# METADATA
# title: SageMaker notebook instance has direct internet access
# description: >-
#   With direct internet access (the default) the notebook reaches, and can be reached
#   through, the internet outside your VPC's controls: data in the notebook can leave
#   without passing any egress filter or flow log.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
# custom:
#   id: IAC-AWS-SAGEMAKER-001
#   severity: high
#   remediation: >-
#     Set `direct_internet_access = "Disabled"` and a `subnet_id` on the
#     `aws_sagemaker_notebook_instance` (CloudFormation `DirectInternetAccess: Disabled`
#     and `SubnetId` on `AWS::SageMaker::NotebookInstance`); reach the internet through a
#     NAT gateway if needed.
#   frameworks: [AWS-FSBP-SageMaker.1]
#   forms:
#     - 'Terraform `direct_internet_access`, CloudFormation `DirectInternetAccess`: absent or null (Enabled by default), or "Enabled" in any case'
#   not_flagged:
#     - 'A value that cannot be resolved'
package iac_guard.aws.sagemaker.direct_internet

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sagemaker_notebook_instance")
	enabled(r.values, "direct_internet_access")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s has direct internet access", [r.address]), "direct_internet_access")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SageMaker::NotebookInstance")
	enabled(r.values, "DirectInternetAccess")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s has direct internet access", [r.address]), "DirectInternetAccess")
}

enabled(values, key) if not lib.has_key(values, key)

enabled(values, key) if values[key] == null

enabled(values, key) if lib.lowercase(values[key]) == "enabled"
