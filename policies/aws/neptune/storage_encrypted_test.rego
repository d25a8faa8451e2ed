package iac_guard.aws.neptune.storage_encrypted_test

import data.iac_guard.aws.neptune.storage_encrypted
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	storage_encrypted.deny == {{
		"msg": "Neptune cluster aws_neptune_cluster.main is not encrypted at rest",
		"resource": "aws_neptune_cluster.main",
		"file": "main.tf",
		"attribute": "storage_encrypted",
	}} with input as testing.tf([testing.tf_resource("aws_neptune_cluster", "main", {"cluster_identifier": "main"})])
}

test_terraform_forms if {
	testing.addresses(storage_encrypted.deny) == {"aws_neptune_cluster.off", "aws_neptune_cluster.quoted", "aws_neptune_cluster.null"} with input as testing.tf([
		testing.tf_resource("aws_neptune_cluster", "off", {"storage_encrypted": false}),
		testing.tf_resource("aws_neptune_cluster", "quoted", {"storage_encrypted": "false"}),
		testing.tf_resource("aws_neptune_cluster", "null", {"storage_encrypted": null}),
		testing.tf_resource("aws_neptune_cluster", "on", {"storage_encrypted": true}),
		testing.tf_resource("aws_neptune_cluster", "quoted_on", {"storage_encrypted": "true"}),
		testing.tf_resource("aws_neptune_cluster", "var", {"storage_encrypted": testing.unknown("var.setting")}),
		testing.tf_data("aws_neptune_cluster", "existing", {}),
	])
}

test_cloudformation_forms if {
	testing.located(storage_encrypted.deny) == {["Missing", "StorageEncrypted"], ["Off", "StorageEncrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Neptune::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Off", {"StorageEncrypted": "false"}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "On", {"StorageEncrypted": true}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Param", {"StorageEncrypted": {"Ref": "Setting"}}),
		testing.cfn_resource("AWS::Neptune::DBCluster", "Cond", {"StorageEncrypted": {"Fn::If": ["Prod", true, false]}}),
	])
}
