package iac_guard.aws.msk.unauthenticated_test

import data.iac_guard.aws.msk.unauthenticated
import data.iac_guard.testing
import rego.v1

test_cluster_without_authentication_is_denied if {
	unauthenticated.deny == {{
		"msg": "MSK cluster aws_msk_cluster.events has no client authentication",
		"resource": "aws_msk_cluster.events",
		"file": "main.tf",
		"attribute": "client_authentication",
	}} with input as testing.tf([testing.tf_resource("aws_msk_cluster", "events", {"kafka_version": "3.6.0"})])
}

test_terraform_forms if {
	testing.located(unauthenticated.deny) == {["aws_msk_cluster.open", "client_authentication.0.unauthenticated"], ["aws_msk_cluster.empty", "client_authentication"]} with input as testing.tf([
		testing.tf_resource("aws_msk_cluster", "open", {"client_authentication": [{"unauthenticated": "true", "sasl": [{"iam": true}]}]}),
		testing.tf_resource("aws_msk_cluster", "empty", {"client_authentication": []}),
		testing.tf_resource("aws_msk_cluster", "iam", {"client_authentication": [{"sasl": [{"iam": true}]}]}),
		testing.tf_resource("aws_msk_cluster", "closed", {"client_authentication": [{"unauthenticated": false, "tls": [{"certificate_authority_arns": ["arn"]}]}]}),
		testing.tf_resource("aws_msk_cluster", "dynamic", {"client_authentication": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(unauthenticated.deny) == {["Missing", "ClientAuthentication"], ["Open", "ClientAuthentication.Unauthenticated.Enabled"]} with input as testing.cfn([
		testing.cfn_resource("AWS::MSK::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::MSK::Cluster", "Open", {"ClientAuthentication": {"Unauthenticated": {"Enabled": true}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Iam", {"ClientAuthentication": {"Sasl": {"Iam": {"Enabled": true}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Param", {"ClientAuthentication": {"Unauthenticated": {"Enabled": {"Ref": "Open"}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Cond", {"ClientAuthentication": {"Fn::If": ["C", {}, {"Ref": "AWS::NoValue"}]}}),
	])
}
