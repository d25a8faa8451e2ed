package iac_guard.aws.vpc.flow_logs_test

import data.iac_guard.aws.vpc.flow_logs
import data.iac_guard.testing
import rego.v1

test_vpc_without_flow_log_is_denied if {
	flow_logs.deny == {{
		"msg": "VPC aws_vpc.main has no flow log",
		"resource": "aws_vpc.main",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"}),
		testing.tf_resource("aws_vpc", "logged", {"cidr_block": "10.1.0.0/16"}),
		testing.tf_resource("aws_flow_log", "logged", {"vpc_id": testing.unknown("aws_vpc.logged.id"), "traffic_type": "ALL"}),
	])
}

test_vpc_with_flow_log_passes if {
	count(flow_logs.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_vpc", "main", {}),
		testing.tf_resource("aws_flow_log", "main", {"vpc_id": testing.unknown("aws_vpc.main.id")}),
	])
}

test_cloudformation_vpc_without_flow_log_is_denied if {
	testing.located(flow_logs.deny) == {["Bare", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::VPC", "Bare", {"CidrBlock": "10.0.0.0/16"}),
		testing.cfn_resource("AWS::EC2::VPC", "Logged", {"CidrBlock": "10.1.0.0/16"}),
		testing.cfn_resource("AWS::EC2::FlowLog", "Log", {"ResourceType": "VPC", "ResourceId": {"Ref": "Logged"}, "TrafficType": "ALL"}),
	])
}
