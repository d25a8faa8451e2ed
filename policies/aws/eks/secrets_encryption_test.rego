package iac_guard.aws.eks.secrets_encryption_test

import data.iac_guard.aws.eks.secrets_encryption
import data.iac_guard.testing
import rego.v1

test_cluster_without_secrets_encryption_is_denied if {
	secrets_encryption.deny == {{
		"msg": "EKS cluster aws_eks_cluster.k8s does not encrypt Kubernetes secrets with a KMS key",
		"resource": "aws_eks_cluster.k8s",
		"file": "main.tf",
		"attribute": "encryption_config",
	}} with input as testing.tf([testing.tf_resource("aws_eks_cluster", "k8s", {"name": "k8s"})])
}

test_encrypted_or_unknown_pass if {
	count(secrets_encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_eks_cluster", "a", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": testing.unknown("aws_kms_key.k.arn")}]}]}),
		testing.tf_resource("aws_eks_cluster", "b", {"encryption_config": testing.unknown("var.encryption")}),
	])
}

test_cloudformation_cluster_without_encryption_is_denied if {
	testing.located(secrets_encryption.deny) == {["Cluster", "EncryptionConfig"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EKS::Cluster", "Cluster", {}),
		testing.cfn_resource("AWS::EKS::Cluster", "Encrypted", {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": {"Ref": "Key"}}}]}),
	])
}

test_empty_key_arn_is_no_key if {
	testing.addresses(secrets_encryption.deny) == {"aws_eks_cluster.empty"} with input as testing.tf([
		testing.tf_resource("aws_eks_cluster", "empty", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": ""}]}]}),
		testing.tf_resource("aws_eks_cluster", "key", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": testing.unknown("aws_kms_key.eks.arn")}]}]}),
	])
}

test_cloudformation_empty_or_no_value_key if {
	testing.addresses(secrets_encryption.deny) == {"Empty", "NoValue"} with input as testing.cfn([
		testing.cfn_resource("AWS::EKS::Cluster", "Empty", {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": ""}}]}),
		testing.cfn_resource("AWS::EKS::Cluster", "NoValue", {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": {"Ref": "AWS::NoValue"}}}]}),
		testing.cfn_resource("AWS::EKS::Cluster", "Key", {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": {"Fn::GetAtt": ["Key", "Arn"]}}}]}),
	])
}
