package iac_guard.aws.emr.security_configuration_test

import data.iac_guard.aws.emr.security_configuration
import data.iac_guard.testing
import rego.v1

test_cluster_without_security_configuration_is_denied if {
	security_configuration.deny == {{
		"msg": "EMR cluster aws_emr_cluster.a has no security configuration",
		"resource": "aws_emr_cluster.a",
		"file": "main.tf",
		"attribute": "security_configuration",
	}} with input as testing.tf([
		testing.tf_resource("aws_emr_cluster", "a", {"name": "a"}),
		testing.tf_resource("aws_emr_cluster", "b", {"security_configuration": testing.unknown("aws_emr_security_configuration.s.name")}),
	])
}

test_cloudformation_cluster_without_security_configuration_is_denied if {
	testing.located(security_configuration.deny) == {["A", "SecurityConfiguration"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EMR::Cluster", "A", {"SecurityConfiguration": ""}),
		testing.cfn_resource("AWS::EMR::Cluster", "B", {"SecurityConfiguration": {"Ref": "Sec"}}),
	])
}
