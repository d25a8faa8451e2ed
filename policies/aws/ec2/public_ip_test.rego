package iac_guard.aws.ec2.public_ip_test

import data.iac_guard.aws.ec2.public_ip
import data.iac_guard.testing
import rego.v1

test_instance_with_public_ip_is_denied if {
	public_ip.deny == {{
		"msg": "aws_instance.web associates a public IP address",
		"resource": "aws_instance.web",
		"file": "main.tf",
		"attribute": "associate_public_ip_address",
	}} with input as testing.tf([
		testing.tf_resource("aws_instance", "web", {"associate_public_ip_address": true}),
		testing.tf_resource("aws_instance", "private", {"associate_public_ip_address": false}),
		testing.tf_resource("aws_instance", "default", {}),
		testing.tf_resource("aws_instance", "unknown", {"associate_public_ip_address": testing.unknown("var.public")}),
	])
}

test_launch_template_interface_is_denied if {
	testing.located(public_ip.deny) == {["aws_launch_template.lt", "network_interfaces.0.associate_public_ip_address"]} with input as testing.tf([
		testing.tf_resource("aws_launch_template", "lt", {"network_interfaces": [{"associate_public_ip_address": "true"}]}),
		testing.tf_resource("aws_launch_template", "private", {"network_interfaces": [{"associate_public_ip_address": "false"}]}),
	])
}

test_cloudformation_public_interfaces_are_denied if {
	testing.located(public_ip.deny) == {["Web", "NetworkInterfaces.0.AssociatePublicIpAddress"], ["Lt", "LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::Instance", "Web", {"NetworkInterfaces": [{"AssociatePublicIpAddress": true, "DeviceIndex": "0"}]}),
		testing.cfn_resource("AWS::EC2::LaunchTemplate", "Lt", {"LaunchTemplateData": {"NetworkInterfaces": [{"AssociatePublicIpAddress": "true"}]}}),
		testing.cfn_resource("AWS::EC2::Instance", "Private", {"NetworkInterfaces": [{"AssociatePublicIpAddress": false}]}),
	])
}

test_cloudformation_launch_configuration if {
	testing.located(public_ip.deny) == {["Lc", "AssociatePublicIpAddress"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AutoScaling::LaunchConfiguration", "Lc", {"AssociatePublicIpAddress": "true"}),
		testing.cfn_resource("AWS::AutoScaling::LaunchConfiguration", "Private", {"AssociatePublicIpAddress": false}),
	])
}
