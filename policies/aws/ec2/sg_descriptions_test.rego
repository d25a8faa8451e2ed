package iac_guard.aws.ec2.sg_descriptions_test

import data.iac_guard.aws.ec2.sg_descriptions
import data.iac_guard.testing
import rego.v1

test_group_and_rules_without_description_are_denied_once if {
	sg_descriptions.deny == {{
		"msg": "aws_security_group.web has no description for: description, egress.0, ingress.1",
		"resource": "aws_security_group.web",
		"file": "main.tf",
		"attribute": "description",
	}} with input as testing.tf([testing.tf_resource("aws_security_group", "web", {
		"description": "Managed by Terraform",
		"ingress": [
			{"description": "HTTPS", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
			{"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]},
		],
		"egress": [{"description": "", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
	})])
}

test_described_or_unknown_descriptions_pass if {
	count(sg_descriptions.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_security_group", "web", {"description": "web tier", "ingress": [{"description": testing.unknown("var.d"), "protocol": "tcp", "from_port": 443, "to_port": 443}]}),
		testing.tf_resource("aws_security_group_rule", "r", {"type": "ingress", "description": "HTTPS", "protocol": "tcp", "from_port": 443, "to_port": 443}),
	])
}

test_rule_resources_without_description_are_denied if {
	testing.located(sg_descriptions.deny) == {["aws_security_group_rule.r", "description"], ["aws_vpc_security_group_egress_rule.e", "description"]} with input as testing.tf([
		testing.tf_resource("aws_security_group_rule", "r", {"type": "ingress", "protocol": "tcp", "from_port": 443, "to_port": 443}),
		testing.tf_resource("aws_vpc_security_group_egress_rule", "e", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}),
	])
}

test_cloudformation_rules_without_description_are_denied if {
	testing.located(sg_descriptions.deny) == {["Web", "SecurityGroupIngress.1"], ["Extra", "Description"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::SecurityGroup", "Web", {"GroupDescription": "web", "SecurityGroupIngress": [
			{"Description": "HTTPS", "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"},
			{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0"},
		]}),
		testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "Extra", {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}),
	])
}
