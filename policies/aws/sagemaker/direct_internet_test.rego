package iac_guard.aws.sagemaker.direct_internet_test

import data.iac_guard.aws.sagemaker.direct_internet
import data.iac_guard.testing
import rego.v1

test_direct_internet_is_denied if {
	direct_internet.deny == {
		{
			"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.a has direct internet access",
			"resource": "aws_sagemaker_notebook_instance.a",
			"file": "main.tf",
			"attribute": "direct_internet_access",
		},
		{
			"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.b has direct internet access",
			"resource": "aws_sagemaker_notebook_instance.b",
			"file": "main.tf",
			"attribute": "direct_internet_access",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_sagemaker_notebook_instance", "a", {}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "b", {"direct_internet_access": "Enabled"}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "c", {"direct_internet_access": "Disabled"}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "d", {"direct_internet_access": testing.unknown("var.x")}),
	])
}

test_cloudformation_direct_internet_is_denied if {
	testing.located(direct_internet.deny) == {["A", "DirectInternetAccess"], ["B", "DirectInternetAccess"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "A", {}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "B", {"DirectInternetAccess": "ENABLED"}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "C", {"DirectInternetAccess": "Disabled"}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "D", {"DirectInternetAccess": {"Ref": "Access"}}),
	])
}
