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
