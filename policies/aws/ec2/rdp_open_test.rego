package iac_guard.aws.ec2.rdp_open_test

import data.iac_guard.aws.ec2.rdp_open
import data.iac_guard.testing
import rego.v1

test_rdp_from_world_is_denied if {
	rdp_open.deny == {{
		"msg": "aws_security_group_rule.rdp allows RDP (port 3389) from the internet",
		"resource": "aws_security_group_rule.rdp",
		"file": "main.tf",
		"attribute": "cidr_blocks",
	}} with input as testing.tf([testing.tf_resource("aws_security_group_rule", "rdp", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]})])
}

test_rdp_from_private_network_passes if {
	count(rdp_open.deny) == 0 with input as testing.tf([testing.tf_resource("aws_security_group_rule", "rdp", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["10.0.0.0/8"]})])
}

test_cloudformation_rdp_is_denied if {
	testing.addresses(rdp_open.deny) == {"Group"} with input as testing.cfn([testing.cfn_resource("AWS::EC2::SecurityGroup", "Group", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 3000, "ToPort": 4000, "CidrIpv6": "::/0"}]})])
}

test_udp_3389_is_rdp_too if {
	testing.located(rdp_open.deny) == {["aws_security_group.udp", "ingress.0"], ["aws_vpc_security_group_ingress_rule.udp", "cidr_ipv4"]} with input as testing.tf([
		testing.tf_resource("aws_security_group", "udp", {"ingress": [{"protocol": "udp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "udp", {"ip_protocol": "17", "from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}),
		testing.tf_resource("aws_security_group", "udp_other", {"ingress": [{"protocol": "udp", "from_port": 53, "to_port": 53, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "icmp", {"ingress": [{"protocol": "icmp", "from_port": -1, "to_port": -1, "cidr_blocks": ["0.0.0.0/0"]}]}),
	])
}

test_cloudformation_udp_3389 if {
	testing.located(rdp_open.deny) == {["Udp", "SecurityGroupIngress.0"], ["UdpRule", "CidrIp"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::SecurityGroup", "Udp", {"SecurityGroupIngress": [{"IpProtocol": "udp", "FromPort": "3389", "ToPort": "3389", "CidrIp": "0.0.0.0/0"}]}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "UdpRule", {"IpProtocol": "17", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0"}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "Private", {"IpProtocol": "udp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "10.0.0.0/8"}),
	])
}
