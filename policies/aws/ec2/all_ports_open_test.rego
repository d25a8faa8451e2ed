package iac_guard.aws.ec2.all_ports_open_test

import data.iac_guard.aws.ec2.all_ports_open
import data.iac_guard.testing
import rego.v1

test_all_protocols_from_world_is_denied if {
	all_ports_open.deny == {{
		"msg": "aws_security_group.open allows every port from the internet",
		"resource": "aws_security_group.open",
		"file": "main.tf",
		"attribute": "ingress.0",
	}} with input as testing.tf([testing.tf_resource("aws_security_group", "open", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]})])
}

test_tcp_full_range_and_ipv6_are_denied if {
	testing.addresses(all_ports_open.deny) == {"aws_security_group_rule.tcp", "aws_vpc_security_group_ingress_rule.v6"} with input as testing.tf([
		testing.tf_resource("aws_security_group_rule", "tcp", {"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "v6", {"ip_protocol": "-1", "cidr_ipv6": "::/0"}),
	])
}

test_narrow_or_private_rules_pass if {
	count(all_ports_open.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_security_group", "web", {"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "internal", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]}]}),
		testing.tf_resource("aws_security_group", "out", {"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
	])
}

test_cloudformation_all_traffic_is_denied if {
	testing.located(all_ports_open.deny) == {["Open", "SecurityGroupIngress.0"]} with input as testing.cfn([testing.cfn_resource("AWS::EC2::SecurityGroup", "Open", {"SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]})])
}

test_every_all_ports_form if {
	testing.located(all_ports_open.deny) == {
		["aws_security_group.minus_one", "ingress.0"],
		["aws_security_group.all_word", "ingress.0"],
		["aws_security_group.tcp_full", "ingress.0"],
		["aws_security_group_rule.zero", "cidr_blocks"],
		["aws_vpc_security_group_ingress_rule.v6", "cidr_ipv6"],
	} with input as testing.tf([
		testing.tf_resource("aws_security_group", "minus_one", {"ingress": [{"protocol": -1, "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "all_word", {"ingress": [{"protocol": "all", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "tcp_full", {"ingress": [{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group_rule", "zero", {"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "v6", {"ip_protocol": "-1", "cidr_ipv6": "::/0"}),
		testing.tf_resource("aws_security_group", "udp_full", {"ingress": [{"protocol": "udp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "egress", {"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "private", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]}]}),
	])
}
