package iac_guard.aws.ec2.db_ports_open_test

import data.iac_guard.aws.ec2.db_ports_open
import data.iac_guard.testing
import rego.v1

test_database_ports_from_world_are_denied_once_per_rule if {
	db_ports_open.deny == {{
		"msg": "aws_security_group.db allows database port(s) 5432, 5984 from the internet",
		"resource": "aws_security_group.db",
		"file": "main.tf",
		"attribute": "ingress.0",
	}} with input as testing.tf([testing.tf_resource("aws_security_group", "db", {"ingress": [
		{"protocol": "tcp", "from_port": 5000, "to_port": 6000, "cidr_blocks": ["0.0.0.0/0"]},
		{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "cidr_blocks": ["10.0.0.0/16"]},
	]})])
}

test_all_ports_rules_are_left_to_the_all_ports_policy if {
	count(db_ports_open.deny) == 0 with input as testing.tf([testing.tf_resource("aws_security_group", "db", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]})])
}

test_cloudformation_database_port_is_denied if {
	testing.located(db_ports_open.deny) == {["Db", "SecurityGroupIngress.0"]} with input as testing.cfn([testing.cfn_resource("AWS::EC2::SecurityGroup", "Db", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 27017, "ToPort": 27017, "CidrIp": "0.0.0.0/0"}]})])
}
