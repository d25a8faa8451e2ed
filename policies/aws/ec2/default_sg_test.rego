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
