package iac_guard.aws.ec2.ssh_open_test

import data.iac_guard.aws.ec2.ssh_open
import data.iac_guard.testing
import rego.v1

rule(from_port, to_port, cidrs) := {"protocol": "tcp", "from_port": from_port, "to_port": to_port, "cidr_blocks": cidrs}

test_ssh_from_world_is_denied if {
	ssh_open.deny == {{
		"msg": "aws_security_group.web allows SSH (port 22) from the internet",
		"resource": "aws_security_group.web",
		"file": "main.tf",
		"attribute": "ingress.1",
	}} with input as testing.tf([testing.tf_resource("aws_security_group", "web", {"ingress": [
		rule(443, 443, ["0.0.0.0/0"]),
		rule(20, 25, ["0.0.0.0/0"]),
	]})])
}

test_every_rule_shape_is_checked if {
	testing.located(ssh_open.deny) == {
		["aws_security_group_rule.v6", "ipv6_cidr_blocks"],
		["aws_vpc_security_group_ingress_rule.all", "cidr_ipv4"],
		["aws_security_group.any", "ingress.0"],
	} with input as testing.tf([
		testing.tf_resource("aws_security_group_rule", "v6", {"type": "ingress", "protocol": "6", "from_port": 22, "to_port": 22, "ipv6_cidr_blocks": ["::/0"]}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}),
		testing.tf_resource("aws_security_group", "any", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
	])
}

test_private_unknown_egress_and_udp_pass if {
	count(ssh_open.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_security_group", "a", {"ingress": [rule(22, 22, ["10.0.0.0/8"])]}),
		testing.tf_resource("aws_security_group", "b", {"ingress": [rule(22, 22, testing.unknown("var.cidrs"))]}),
		testing.tf_resource("aws_security_group", "c", {"ingress": [rule(testing.unknown("var.port"), 22, ["0.0.0.0/0"])]}),
		testing.tf_resource("aws_security_group", "d", {"egress": [rule(22, 22, ["0.0.0.0/0"])]}),
		testing.tf_resource("aws_security_group_rule", "e", {"type": "egress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_security_group_rule", "f", {"type": "ingress", "protocol": "udp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_security_group", "g", {"ingress": testing.unknown("local.rules")}),
	])
}

test_cloudformation_ssh_is_denied if {
	testing.located(ssh_open.deny) == {["Web", "SecurityGroupIngress.0"], ["Extra", "CidrIp"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::SecurityGroup", "Web", {"GroupDescription": "web", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "CidrIp": "0.0.0.0/0"}]}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "Extra", {"IpProtocol": -1, "CidrIp": "0.0.0.0/0", "GroupId": {"Ref": "Web"}}),
		testing.cfn_resource("AWS::EC2::SecurityGroup", "Private", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "Cidr"}}]}),
	])
}

# Every way AWS lets a rule admit the world on port 22.
test_every_rule_form if {
	testing.located(ssh_open.deny) == {
		["aws_security_group.v6", "ingress.0"],
		["aws_security_group.host_bits", "ingress.0"],
		["aws_security_group.all_protocols", "ingress.0"],
		["aws_default_security_group.d", "ingress.0"],
		["aws_security_group_rule.range", "cidr_blocks"],
		["aws_vpc_security_group_ingress_rule.number_protocol", "cidr_ipv4"],
		["aws_vpc_security_group_ingress_rule.v6", "cidr_ipv6"],
	} with input as testing.tf([
		testing.tf_resource("aws_security_group", "v6", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}]}),
		testing.tf_resource("aws_security_group", "host_bits", {"ingress": [{"protocol": "TCP", "from_port": "22", "to_port": "22", "cidr_blocks": ["10.0.0.1/0"]}]}),
		testing.tf_resource("aws_security_group", "all_protocols", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_default_security_group", "d", {"ingress": [{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group_rule", "range", {"type": "ingress", "protocol": "tcp", "from_port": 20, "to_port": 25, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "number_protocol", {"ip_protocol": "6", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"}),
		testing.tf_resource("aws_vpc_security_group_ingress_rule", "v6", {"ip_protocol": "-1", "cidr_ipv6": "::/0"}),
		testing.tf_resource("aws_security_group_rule", "egress", {"type": "egress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}),
		testing.tf_resource("aws_security_group", "prefix_list", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "prefix_list_ids": ["pl-123"]}]}),
		testing.tf_resource("aws_security_group", "other_port", {"ingress": [{"protocol": "tcp", "from_port": 23, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}]}),
		testing.tf_resource("aws_security_group", "unknown_ports", {"ingress": [{"protocol": "tcp", "from_port": testing.unknown("var.port"), "to_port": testing.unknown("var.port"), "cidr_blocks": ["0.0.0.0/0"]}]}),
	])
}

test_cloudformation_rule_forms if {
	testing.located(ssh_open.deny) == {["Inline", "SecurityGroupIngress.1"], ["Separate", "CidrIp"], ["V6", "CidrIpv6"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::SecurityGroup", "Inline", {"SecurityGroupIngress": [
			{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"},
			{"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "CidrIp": "0.0.0.0/0"},
		]}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "Separate", {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "V6", {"IpProtocol": 6, "FromPort": 22, "ToPort": 22, "CidrIpv6": "::/0"}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "FromGroup", {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "SourceSecurityGroupId": {"Ref": "Bastion"}}),
		testing.cfn_resource("AWS::EC2::SecurityGroupEgress", "Out", {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}),
	])
}
