package iac_guard.aws.redshift.require_ssl_test

import data.iac_guard.aws.redshift.require_ssl
import data.iac_guard.testing
import rego.v1

group(name, params) := testing.tf_resource("aws_redshift_parameter_group", name, {"family": "redshift-1.0", "parameter": params})

test_group_without_ssl_is_denied if {
	require_ssl.deny == {{
		"msg": "Redshift parameter group aws_redshift_parameter_group.dw sets require_ssl to false",
		"resource": "aws_redshift_parameter_group.dw",
		"file": "main.tf",
		"attribute": "parameter.1",
	}} with input as testing.tf([group("dw", [{"name": "enable_user_activity_logging", "value": "true"}, {"name": "require_ssl", "value": "false"}])])
}

test_terraform_forms if {
	testing.addresses(require_ssl.deny) == {"aws_redshift_parameter_group.upper", "aws_redshift_parameter_group.off"} with input as testing.tf([
		group("upper", [{"name": "REQUIRE_SSL", "value": "FALSE"}]),
		group("off", [{"name": "require_ssl", "value": "off"}]),
		group("on", [{"name": "require_ssl", "value": "true"}]),
		group("var", [{"name": "require_ssl", "value": testing.unknown("var.ssl")}]),
		group("other", [{"name": "enable_user_activity_logging", "value": "false"}]),
		testing.tf_resource("aws_redshift_parameter_group", "dynamic", {"parameter": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(require_ssl.deny) == {["Off", "Parameters.0"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::ClusterParameterGroup", "Off", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "false"}]}),
		testing.cfn_resource("AWS::Redshift::ClusterParameterGroup", "On", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}]}),
		testing.cfn_resource("AWS::Redshift::ClusterParameterGroup", "Param", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": {"Ref": "Ssl"}}]}),
	])
}
