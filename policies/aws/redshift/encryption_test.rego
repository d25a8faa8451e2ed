package iac_guard.aws.redshift.encryption_test

import data.iac_guard.aws.redshift.encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_cluster_is_denied if {
	encryption.deny == {{
		"msg": "Redshift cluster aws_redshift_cluster.dw is not encrypted at rest",
		"resource": "aws_redshift_cluster.dw",
		"file": "main.tf",
		"attribute": "encrypted",
	}} with input as testing.tf([testing.tf_resource("aws_redshift_cluster", "dw", {"encrypted": false})])
}

test_terraform_forms if {
	testing.addresses(encryption.deny) == {"aws_redshift_cluster.quoted"} with input as testing.tf([
		testing.tf_resource("aws_redshift_cluster", "quoted", {"encrypted": "false"}),
		testing.tf_resource("aws_redshift_cluster", "default", {}),
		testing.tf_resource("aws_redshift_cluster", "on", {"encrypted": true}),
		testing.tf_resource("aws_redshift_cluster", "var", {"encrypted": testing.unknown("var.encrypted")}),
	])
}

test_cloudformation_forms if {
	testing.located(encryption.deny) == {["Off", "Encrypted"], ["Quoted", "Encrypted"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Off", {"Encrypted": false}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Quoted", {"Encrypted": "false"}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Default", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "On", {"Encrypted": "true"}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Param", {"Encrypted": {"Ref": "Encrypt"}}),
	])
}
