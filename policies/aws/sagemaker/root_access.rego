# METADATA
# title: SageMaker notebook instance gives users root access
# description: >-
#   With root access (the default) every notebook user can change the instance's system
#   configuration, install any software and read other users' files and credentials.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html
# custom:
#   id: IAC-AWS-SAGEMAKER-002
#   severity: medium
#   remediation: >-
#     Set `root_access = "Disabled"` on the `aws_sagemaker_notebook_instance`
#     (CloudFormation `RootAccess: Disabled`); lifecycle configurations still run as root.
#   frameworks: [AWS-FSBP-SageMaker.3]
#   forms:
#     - 'Terraform `root_access`, CloudFormation `RootAccess`: absent or null (Enabled by default), or "Enabled" in any case'
#   not_flagged:
#     - 'A value that cannot be resolved'
package iac_guard.aws.sagemaker.root_access

import data.iac_guard.aws.sagemaker.direct_internet
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_sagemaker_notebook_instance")
	direct_internet.enabled(r.values, "root_access")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s gives its users root access", [r.address]), "root_access")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SageMaker::NotebookInstance")
	direct_internet.enabled(r.values, "RootAccess")
	result := lib.finding(r, sprintf("SageMaker notebook instance %s gives its users root access", [r.address]), "RootAccess")
}
