package iac_guard.aws.msk.public_access_test

import data.iac_guard.aws.msk.public_access
import data.iac_guard.testing
import rego.v1

msk(name, type) := testing.tf_resource("aws_msk_cluster", name, {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": type}]}]}]})

test_public_cluster_is_denied if {
	public_access.deny == {{
		"msg": "MSK cluster aws_msk_cluster.events has publicly accessible brokers",
		"resource": "aws_msk_cluster.events",
		"file": "main.tf",
		"attribute": "broker_node_group_info.0.connectivity_info.0.public_access.0.type",
	}} with input as testing.tf([msk("events", "SERVICE_PROVIDED_EIPS")])
}

test_terraform_forms if {
	testing.addresses(public_access.deny) == {"aws_msk_cluster.lower"} with input as testing.tf([
		msk("lower", "service_provided_eips"),
		msk("disabled", "DISABLED"),
		msk("var", testing.unknown("var.access")),
		testing.tf_resource("aws_msk_cluster", "default", {"broker_node_group_info": [{"instance_type": "kafka.m5.large"}]}),
	])
}

test_cloudformation_forms if {
	testing.located(public_access.deny) == {["Public", "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type"]} with input as testing.cfn([
		testing.cfn_resource("AWS::MSK::Cluster", "Public", {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "SERVICE_PROVIDED_EIPS"}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Private", {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "DISABLED"}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Default", {"BrokerNodeGroupInfo": {}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Param", {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": {"Ref": "Access"}}}}}),
	])
}
