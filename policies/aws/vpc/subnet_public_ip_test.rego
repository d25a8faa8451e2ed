package iac_guard.aws.vpc.subnet_public_ip_test

import data.iac_guard.aws.vpc.subnet_public_ip
import data.iac_guard.testing
import rego.v1

test_public_subnet_is_denied if {
	subnet_public_ip.deny == {{
		"msg": "subnet aws_subnet.public assigns public IP addresses on launch",
		"resource": "aws_subnet.public",
		"file": "main.tf",
		"attribute": "map_public_ip_on_launch",
	}} with input as testing.tf([
		testing.tf_resource("aws_subnet", "public", {"map_public_ip_on_launch": true}),
		testing.tf_resource("aws_subnet", "private", {"map_public_ip_on_launch": false}),
	])
}

test_default_subnet_passes if {
	count(subnet_public_ip.deny) == 0 with input as testing.tf([testing.tf_resource("aws_subnet", "a", {"cidr_block": "10.0.1.0/24"})])
}

test_cloudformation_public_subnet_is_denied if {
	testing.located(subnet_public_ip.deny) == {["Public", "MapPublicIpOnLaunch"]} with input as testing.cfn([testing.cfn_resource("AWS::EC2::Subnet", "Public", {"MapPublicIpOnLaunch": "true"})])
}

test_boolean_forms if {
	testing.addresses(subnet_public_ip.deny) == {"aws_subnet.string_true"} with input as testing.tf([
		testing.tf_resource("aws_subnet", "string_true", {"map_public_ip_on_launch": "true"}),
		testing.tf_resource("aws_subnet", "default", {}),
		testing.tf_resource("aws_subnet", "unknown", {"map_public_ip_on_launch": testing.unknown("var.public")}),
	])
}
