package iac_guard.aws.dax.tls_endpoint_test

import data.iac_guard.aws.dax.tls_endpoint
import data.iac_guard.testing
import rego.v1

test_plaintext_endpoint_is_denied if {
	tls_endpoint.deny == {{
		"msg": "DAX cluster aws_dax_cluster.cache does not encrypt its endpoint with TLS",
		"resource": "aws_dax_cluster.cache",
		"file": "main.tf",
		"attribute": "cluster_endpoint_encryption_type",
	}} with input as testing.tf([testing.tf_resource("aws_dax_cluster", "cache", {})])
}

test_terraform_forms if {
	testing.addresses(tls_endpoint.deny) == {"aws_dax_cluster.none", "aws_dax_cluster.empty"} with input as testing.tf([
		testing.tf_resource("aws_dax_cluster", "none", {"cluster_endpoint_encryption_type": "none"}),
		testing.tf_resource("aws_dax_cluster", "empty", {"cluster_endpoint_encryption_type": ""}),
		testing.tf_resource("aws_dax_cluster", "tls", {"cluster_endpoint_encryption_type": "TLS"}),
		testing.tf_resource("aws_dax_cluster", "var", {"cluster_endpoint_encryption_type": testing.unknown("var.tls")}),
	])
}

test_cloudformation_forms if {
	testing.located(tls_endpoint.deny) == {["Missing", "ClusterEndpointEncryptionType"], ["None", "ClusterEndpointEncryptionType"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DAX::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::DAX::Cluster", "None", {"ClusterEndpointEncryptionType": "NONE"}),
		testing.cfn_resource("AWS::DAX::Cluster", "Tls", {"ClusterEndpointEncryptionType": "TLS"}),
		testing.cfn_resource("AWS::DAX::Cluster", "Param", {"ClusterEndpointEncryptionType": {"Ref": "Enc"}}),
	])
}
