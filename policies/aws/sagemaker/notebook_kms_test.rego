package iac_guard.aws.sagemaker.notebook_kms_test

import data.iac_guard.aws.sagemaker.notebook_kms
import data.iac_guard.testing
import rego.v1

test_notebook_without_key_is_denied if {
	notebook_kms.deny == {{
		"msg": "SageMaker notebook instance aws_sagemaker_notebook_instance.a is not encrypted with a KMS key",
		"resource": "aws_sagemaker_notebook_instance.a",
		"file": "main.tf",
		"attribute": "kms_key_id",
	}} with input as testing.tf([
		testing.tf_resource("aws_sagemaker_notebook_instance", "a", {"kms_key_id": ""}),
		testing.tf_resource("aws_sagemaker_notebook_instance", "b", {"kms_key_id": testing.unknown("aws_kms_key.k.arn")}),
	])
}

test_cloudformation_notebook_without_key_is_denied if {
	testing.located(notebook_kms.deny) == {["A", "KmsKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "A", {}),
		testing.cfn_resource("AWS::SageMaker::NotebookInstance", "B", {"KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}),
	])
}
