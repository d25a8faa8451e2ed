package iac_guard.aws.dax.encryption_test

import data.iac_guard.aws.dax.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_cluster_is_denied if {
	encryption.deny == {{
		"msg": "DAX cluster aws_dax_cluster.cache is not encrypted at rest",
		"resource": "aws_dax_cluster.cache",
		"file": "main.tf",
		"attribute": "server_side_encryption.0.enabled",
	}} with input as testing.tf([testing.tf_resource("aws_dax_cluster", "cache", {"node_type": "dax.r4.large"})])
}

test_terraform_forms if {
	testing.addresses(encryption.deny) == {"aws_dax_cluster.off", "aws_dax_cluster.empty"} with input as testing.tf([
		testing.tf_resource("aws_dax_cluster", "off", {"server_side_encryption": [{"enabled": "false"}]}),
		testing.tf_resource("aws_dax_cluster", "empty", {"server_side_encryption": [{}]}),
		testing.tf_resource("aws_dax_cluster", "on", {"server_side_encryption": [{"enabled": true}]}),
		testing.tf_resource("aws_dax_cluster", "var", {"server_side_encryption": [{"enabled": testing.unknown("var.sse")}]}),
		testing.tf_resource("aws_dax_cluster", "dynamic", {"server_side_encryption": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(encryption.deny) == {["Missing", "SSESpecification.SSEEnabled"], ["Off", "SSESpecification.SSEEnabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DAX::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::DAX::Cluster", "Off", {"SSESpecification": {"SSEEnabled": false}}),
		testing.cfn_resource("AWS::DAX::Cluster", "On", {"SSESpecification": {"SSEEnabled": "true"}}),
		testing.cfn_resource("AWS::DAX::Cluster", "Param", {"SSESpecification": {"SSEEnabled": {"Ref": "Sse"}}}),
	])
}
