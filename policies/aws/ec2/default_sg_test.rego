package iac_guard.aws.ec2.default_sg_test

import data.iac_guard.aws.ec2.default_sg
import data.iac_guard.testing
import rego.v1

test_default_group_with_rules_is_denied if {
	default_sg.deny == {{
		"msg": "default security group aws_default_security_group.d has ingress rules",
		"resource": "aws_default_security_group.d",
		"file": "main.tf",
		"attribute": "ingress",
	}} with input as testing.tf([testing.tf_resource("aws_default_security_group", "d", {"vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}]})])
}

test_empty_default_group_passes if {
	count(default_sg.deny) == 0 with input as testing.tf([testing.tf_resource("aws_default_security_group", "d", {"vpc_id": "vpc-1"})])
}

test_vpc_without_managed_default_group_is_denied if {
	default_sg.deny == {{
		"msg": "VPC aws_vpc.plain keeps the default rules of its default security group (no aws_default_security_group manages it)",
		"resource": "aws_vpc.plain",
		"file": "main.tf",
		"attribute": "cidr_block",
	}} with input as testing.tf([
		testing.tf_resource("aws_vpc", "plain", {"cidr_block": "10.0.0.0/16"}),
		testing.tf_resource("aws_vpc", "managed", {"cidr_block": "10.1.0.0/16"}),
		testing.tf_resource("aws_default_security_group", "managed", {"vpc_id": testing.unknown("aws_vpc.managed.id")}),
	])
}

test_default_group_of_an_unresolved_vpc_passes_every_vpc if {
	count(default_sg.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_vpc", "a", {"cidr_block": "10.0.0.0/16"}),
		testing.tf_resource("aws_default_security_group", "d", {"vpc_id": testing.unknown("var.vpc_id")}),
	])
}
