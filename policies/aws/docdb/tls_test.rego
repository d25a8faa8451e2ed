package iac_guard.aws.docdb.tls_test

import data.iac_guard.aws.docdb.tls
import data.iac_guard.testing
import rego.v1

group(name, params) := testing.tf_resource("aws_docdb_cluster_parameter_group", name, {"family": "docdb5.0", "parameter": params})

test_tls_disabled_is_denied if {
	tls.deny == {{
		"msg": "DocumentDB parameter group aws_docdb_cluster_parameter_group.docs turns TLS off",
		"resource": "aws_docdb_cluster_parameter_group.docs",
		"file": "main.tf",
		"attribute": "parameter.1",
	}} with input as testing.tf([group("docs", [{"name": "audit_logs", "value": "enabled"}, {"name": "tls", "value": "disabled"}])])
}

test_terraform_forms if {
	testing.addresses(tls.deny) == {"aws_docdb_cluster_parameter_group.upper"} with input as testing.tf([
		group("upper", [{"name": "TLS", "value": "Disabled"}]),
		group("on", [{"name": "tls", "value": "enabled"}]),
		group("tls12", [{"name": "tls", "value": "tls1.2+"}]),
		group("var", [{"name": "tls", "value": testing.unknown("var.tls")}]),
		group("none", []),
	])
}

test_cloudformation_forms if {
	testing.located(tls.deny) == {["Off", "Parameters.tls"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DocDB::DBClusterParameterGroup", "Off", {"Family": "docdb5.0", "Parameters": {"audit_logs": "enabled", "tls": "disabled"}}),
		testing.cfn_resource("AWS::DocDB::DBClusterParameterGroup", "On", {"Parameters": {"tls": "enabled"}}),
		testing.cfn_resource("AWS::DocDB::DBClusterParameterGroup", "Param", {"Parameters": {"tls": {"Ref": "Tls"}}}),
		testing.cfn_resource("AWS::DocDB::DBClusterParameterGroup", "Whole", {"Parameters": {"Ref": "Params"}}),
	])
}
