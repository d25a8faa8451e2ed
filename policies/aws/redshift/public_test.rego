package iac_guard.aws.redshift.public_test

import data.iac_guard.aws.redshift.public
import data.iac_guard.testing
import rego.v1

test_public_cluster_is_denied if {
	public.deny == {{
		"msg": "Redshift aws_redshift_cluster.dw is publicly accessible",
		"resource": "aws_redshift_cluster.dw",
		"file": "main.tf",
		"attribute": "publicly_accessible",
	}} with input as testing.tf([testing.tf_resource("aws_redshift_cluster", "dw", {"publicly_accessible": true})])
}

test_terraform_forms if {
	testing.addresses(public.deny) == {"aws_redshift_cluster.quoted", "aws_redshiftserverless_workgroup.wg"} with input as testing.tf([
		testing.tf_resource("aws_redshift_cluster", "quoted", {"publicly_accessible": "true"}),
		testing.tf_resource("aws_redshift_cluster", "default", {}),
		testing.tf_resource("aws_redshift_cluster", "private", {"publicly_accessible": false}),
		testing.tf_resource("aws_redshift_cluster", "var", {"publicly_accessible": testing.unknown("var.public")}),
		testing.tf_resource("aws_redshiftserverless_workgroup", "wg", {"publicly_accessible": true}),
	])
}

test_cloudformation_forms if {
	testing.located(public.deny) == {["Public", "PubliclyAccessible"], ["Workgroup", "PubliclyAccessible"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Public", {"PubliclyAccessible": "true"}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Private", {"PubliclyAccessible": false}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Default", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Param", {"PubliclyAccessible": {"Ref": "Public"}}),
		testing.cfn_resource("AWS::RedshiftServerless::Workgroup", "Workgroup", {"PubliclyAccessible": true}),
	])
}
