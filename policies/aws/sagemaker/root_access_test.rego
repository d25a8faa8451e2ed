package iac_guard.aws.sagemaker.root_access_test

import data.iac_guard.aws.sagemaker.root_access
import data.iac_guard.testing
import rego.v1

test_root_access_is_denied if {
	root_access.deny == {{
		"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.a gives its users root access",
		"resource": "aws_sagemaker_notebook_instance.a",
		"file": "main.tf",
		"attribute": "root_access",
	}} with input as testing.tf([
		testing.tf_resource("aws_sagemaker_notebook_instance", "a", {"root_access": null}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "b", {"root_access": "Disabled"}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "c", {"root_access": testing.unknown("var.x")}),
	])
}

test_cloudformation_root_access_is_denied if {
	testing.located(root_access.deny) == {["A", "RootAccess"], ["B", "RootAccess"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "A", {}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "B", {"RootAccess": "Enabled"}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "C", {"RootAccess": "Disabled"}),
	])
}
