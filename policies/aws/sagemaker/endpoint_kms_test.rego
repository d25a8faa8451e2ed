package iac_guard.aws.sagemaker.endpoint_kms_test

import data.iac_guard.aws.sagemaker.endpoint_kms
import data.iac_guard.testing
import rego.v1

test_endpoint_without_key_is_denied if {
	endpoint_kms.deny == {{
		"msg": "SageMaker endpoint configuration aws_sagemaker_endpoint_configuration.a does not encrypt its storage with a KMS key",
		"resource": "aws_sagemaker_endpoint_configuration.a",
		"file": "main.tf",
		"attribute": "kms_key_arn",
	}} with input as testing.tf([
		testing.tf_resource("aws_sagemaker_endpoint_configuration", "a", {"production_variants": [{"instance_type": "ml.m5.large"}]}),
		testing.tf_resource("aws_sagemaker_endpoint_configuration", "nvme", {"production_variants": [{"instance_type": "ml.g4dn.xlarge"}, {"instance_type": "ml.m5d.large"}]}),
		testing.tf_resource("aws_sagemaker_endpoint_configuration", "serverless", {"production_variants": [{"serverless_config": [{"memory_size_in_mb": 2048}]}]}),
		testing.tf_resource("aws_sagemaker_endpoint_configuration", "keyed", {"kms_key_arn": testing.unknown("aws_kms_key.k.arn"), "production_variants": [{"instance_type": "ml.m5.large"}]}),
		testing.tf_resource("aws_sagemaker_endpoint_configuration", "unknown", {"production_variants": [{"instance_type": testing.unknown("var.t")}]}),
	])
}

test_cloudformation_endpoint_without_key_is_denied if {
	testing.located(endpoint_kms.deny) == {["A", "KmsKeyId"]} with input as testing.cfn([
		testing.cfn_resource("AWS::SageMaker::EndpointConfig", "A", {"ProductionVariants": [{"InstanceType": "ml.c5.xlarge"}]}),
		testing.cfn_resource("AWS::SageMaker::EndpointConfig", "B", {"KmsKeyId": "alias/sagemaker", "ProductionVariants": [{"InstanceType": "ml.c5.xlarge"}]}),
		testing.cfn_resource("AWS::SageMaker::EndpointConfig", "C", {"ProductionVariants": [{"ServerlessConfig": {"MaxConcurrency": 5}}]}),
	])
}
