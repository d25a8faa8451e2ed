package iac_guard.aws.sagemaker.notebook_vpc_test

import data.iac_guard.aws.sagemaker.notebook_vpc
import data.iac_guard.testing
import rego.v1

test_notebook_outside_vpc_is_denied if {
	notebook_vpc.deny == {
		{
			"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.a is not in a VPC subnet",
			"resource": "aws_sagemaker_notebook_instance.a",
			"file": "main.tf",
			"attribute": "subnet_id",
		},
		{
			"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.b is not in a VPC subnet",
			"resource": "aws_sagemaker_notebook_instance.b",
			"file": "main.tf",
			"attribute": "subnet_id",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_sagemaker_notebook_instance", "a", {}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "b", {"subnet_id": ""}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "c", {"subnet_id": testing.unknown("aws_subnet.private.id")}),
	])
}

test_cloudformation_notebook_outside_vpc_is_denied if {
	testing.located(notebook_vpc.deny) == {["A", "SubnetId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "A", {"SubnetId": null}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "B", {"SubnetId": {"Ref": "Subnet"}}),
	])
}
