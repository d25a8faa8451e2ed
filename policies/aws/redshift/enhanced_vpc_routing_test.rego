package iac_guard.aws.redshift.enhanced_vpc_routing_test

import data.iac_guard.aws.redshift.enhanced_vpc_routing
import data.iac_guard.testing
import rego.v1

test_cluster_without_routing_is_denied if {
	enhanced_vpc_routing.deny == {{
		"msg": "Redshift aws_redshift_cluster.dw does not use enhanced VPC routing",
		"resource": "aws_redshift_cluster.dw",
		"file": "main.tf",
		"attribute": "enhanced_vpc_routing",
	}} with input as testing.tf([testing.tf_resource("aws_redshift_cluster", "dw", {})])
}

test_terraform_forms if {
	testing.addresses(enhanced_vpc_routing.deny) == {"aws_redshift_cluster.off", "aws_redshiftserverless_workgroup.wg"} with input as testing.tf([
		testing.tf_resource("aws_redshift_cluster", "off", {"enhanced_vpc_routing": "false"}),
		testing.tf_resource("aws_redshift_cluster", "on", {"enhanced_vpc_routing": true}),
		testing.tf_resource("aws_redshift_cluster", "var", {"enhanced_vpc_routing": testing.unknown("var.routing")}),
		testing.tf_resource("aws_redshiftserverless_workgroup", "wg", {}),
	])
}

test_cloudformation_forms if {
	testing.located(enhanced_vpc_routing.deny) == {["Missing", "EnhancedVpcRouting"], ["Wg", "EnhancedVpcRouting"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "On", {"EnhancedVpcRouting": "true"}),
		testing.cfn_resource("AWS::RedshiftServerless::Workgroup", "Wg", {"EnhancedVpcRouting": false}),
		testing.cfn_resource("AWS::RedshiftServerless::Workgroup", "Param", {"EnhancedVpcRouting": {"Ref": "Routing"}}),
	])
}
