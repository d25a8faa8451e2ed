package iac_guard.aws.docdb.deletion_protection_test

import data.iac_guard.aws.docdb.deletion_protection
import data.iac_guard.testing
import rego.v1

test_default_is_denied if {
	deletion_protection.deny == {{
		"msg": "DocumentDB cluster aws_docdb_cluster.main has no deletion protection",
		"resource": "aws_docdb_cluster.main",
		"file": "main.tf",
		"attribute": "deletion_protection",
	}} with input as testing.tf([testing.tf_resource("aws_docdb_cluster", "main", {"cluster_identifier": "main"})])
}

test_terraform_forms if {
	testing.addresses(deletion_protection.deny) == {"aws_docdb_cluster.off", "aws_docdb_cluster.quoted", "aws_docdb_cluster.null"} with input as testing.tf([
		testing.tf_resource("aws_docdb_cluster", "off", {"deletion_protection": false}),
		testing.tf_resource("aws_docdb_cluster", "quoted", {"deletion_protection": "false"}),
		testing.tf_resource("aws_docdb_cluster", "null", {"deletion_protection": null}),
		testing.tf_resource("aws_docdb_cluster", "on", {"deletion_protection": true}),
		testing.tf_resource("aws_docdb_cluster", "quoted_on", {"deletion_protection": "true"}),
		testing.tf_resource("aws_docdb_cluster", "var", {"deletion_protection": testing.unknown("var.setting")}),
		testing.tf_data("aws_docdb_cluster", "existing", {}),
	])
}

test_cloudformation_forms if {
	testing.located(deletion_protection.deny) == {["Missing", "DeletionProtection"], ["Off", "DeletionProtection"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DocDB::DBCluster", "Missing", {}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Off", {"DeletionProtection": "false"}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "On", {"DeletionProtection": true}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Param", {"DeletionProtection": {"Ref": "Setting"}}),
		testing.cfn_resource("AWS::DocDB::DBCluster", "Cond", {"DeletionProtection": {"Fn::If": ["Prod", true, false]}}),
	])
}
