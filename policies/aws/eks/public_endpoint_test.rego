package iac_guard.aws.eks.public_endpoint_test

import data.iac_guard.aws.eks.public_endpoint
import data.iac_guard.testing
import rego.v1

test_default_endpoint_is_denied if {
	public_endpoint.deny == {{
		"msg": "EKS cluster aws_eks_cluster.k8s exposes its API endpoint to the internet",
		"resource": "aws_eks_cluster.k8s",
		"file": "main.tf",
		"attribute": "vpc_config.0.endpoint_public_access",
	}} with input as testing.tf([testing.tf_resource("aws_eks_cluster", "k8s", {"vpc_config": [{"subnet_ids": ["subnet-1"]}]})])
}

test_private_or_restricted_endpoints_pass if {
	count(public_endpoint.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_eks_cluster", "a", {"vpc_config": [{"endpoint_public_access": false, "endpoint_private_access": true}]}),
		testing.tf_resource("aws_eks_cluster", "b", {"vpc_config": [{"public_access_cidrs": ["203.0.113.0/24"]}]}),
		testing.tf_resource("aws_eks_cluster", "c", {"vpc_config": [{"endpoint_public_access": testing.unknown("var.public")}]}),
	])
}

test_world_cidrs_are_denied if {
	testing.addresses(public_endpoint.deny) == {"aws_eks_cluster.k8s"} with input as testing.tf([testing.tf_resource("aws_eks_cluster", "k8s", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}]})])
}

test_cloudformation_public_endpoint_is_denied if {
	testing.located(public_endpoint.deny) == {["Cluster", "ResourcesVpcConfig.EndpointPublicAccess"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EKS::Cluster", "Cluster", {"ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}}),
		testing.cfn_resource("AWS::EKS::Cluster", "Private", {"ResourcesVpcConfig": {"EndpointPublicAccess": false}}),
	])
}

test_null_or_empty_cidrs_are_the_default if {
	testing.addresses(public_endpoint.deny) == {"aws_eks_cluster.null", "aws_eks_cluster.empty", "aws_eks_cluster.host_bits"} with input as testing.tf([
		testing.tf_resource("aws_eks_cluster", "null", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": null}]}),
		testing.tf_resource("aws_eks_cluster", "empty", {"vpc_config": [{"public_access_cidrs": []}]}),
		testing.tf_resource("aws_eks_cluster", "host_bits", {"vpc_config": [{"public_access_cidrs": ["203.0.113.0/24", "10.0.0.1/0"]}]}),
		testing.tf_resource("aws_eks_cluster", "office", {"vpc_config": [{"public_access_cidrs": ["203.0.113.0/24"]}]}),
		testing.tf_resource("aws_eks_cluster", "private", {"vpc_config": [{"endpoint_public_access": false, "endpoint_private_access": true}]}),
	])
}
