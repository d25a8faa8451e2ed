# METADATA
# title: SageMaker notebook instance is not in a VPC
# description: >-
#   A notebook instance without a subnet runs in a SageMaker-managed network: your
#   security groups, VPC endpoints, flow logs and network ACLs do not apply to it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
# custom:
#   id: IAC-AWS-SAGEMAKER-003
#   severity: medium
#   remediation: >-
#     Set `subnet_id` and `security_groups` on the `aws_sagemaker_notebook_instance`
#     (CloudFormation `SubnetId` and `SecurityGroupIds`).
#   frameworks: [AWS-FSBP-SageMaker.2]
#   forms:
#     - 'Terraform `subnet_id`, CloudFormation `SubnetId`: absent, null or ""'
#   not_flagged:
#     - 'A subnet that cannot be resolved (a reference or variable counts as set)'
package iac_guard.aws.sagemaker.notebook_vpc

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sagemaker_notebook_instance")
	unset(r.values, "subnet_id")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s is not in a VPC subnet", [r.address]), "subnet_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SageMaker::NotebookInstance")
	unset(r.values, "SubnetId")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s is not in a VPC subnet", [r.address]), "SubnetId")
}

# Absent, null or "": not set.
unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] == null

unset(values, key) if values[key] == ""
