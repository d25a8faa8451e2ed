# METADATA
# title: EC2 instance gets a public IP address
# description: >-
#   An instance with a public IPv4 address is reachable from the internet whenever a
#   security group rule allows it; keep instances private behind load balancers, NAT
#   and Session Manager.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
# custom:
#   id: IAC-AWS-EC2-002
#   severity: medium
#   remediation: >-
#     Terraform: set `associate_public_ip_address = false` on the `aws_instance` (or in
#     the launch template's `network_interfaces`). CloudFormation: set
#     `AssociatePublicIpAddress: false` in the instance's or launch template's
#     `NetworkInterfaces`.
#   forms:
#     - >-
#       `associate_public_ip_address = true` (or "true") on `aws_instance`,
#       `aws_launch_configuration` and each `aws_launch_template` `network_interfaces` block
#     - >-
#       CloudFormation `AWS::EC2::Instance` / `AWS::EC2::LaunchTemplate`
#       `NetworkInterfaces[].AssociatePublicIpAddress` and
#       `AWS::AutoScaling::LaunchConfiguration` `AssociatePublicIpAddress`
#   not_flagged:
#     - >-
#       an instance that gets a public IP from its subnet's `map_public_ip_on_launch`:
#       IAC-AWS-VPC-002 reports the subnet
#     - >-
#       Elastic IPs (`aws_eip`): an explicit, deliberate address
package iac_guard.aws.ec2.public_ip

import data.iac_guard.lib
import rego.v1

message(r) := sprintf("%s associates a public IP address", [r.address])

deny contains lib.finding(r, message(r), "associate_public_ip_address") if {
	lib.is_terraform
	some rtype in ["aws_instance", "aws_launch_configuration"]
	some r in lib.managed(rtype)
	lib.is_true(r.values.associate_public_ip_address)
}

deny contains lib.finding(r, message(r), sprintf("network_interfaces.%d.associate_public_ip_address", [i])) if {
	lib.is_terraform
	some r in lib.managed("aws_launch_template")
	some i, nic in lib.items(r.values.network_interfaces)
	lib.is_true(nic.associate_public_ip_address)
}

deny contains lib.finding(r, message(r), sprintf("%s.%d.AssociatePublicIpAddress", [concat(".", path), i])) if {
	lib.is_cloudformation
	some [rtype, path] in [["AWS::EC2::Instance", ["NetworkInterfaces"]], ["AWS::EC2::LaunchTemplate", ["LaunchTemplateData", "NetworkInterfaces"]]]
	some r in lib.resources(rtype)
	some i, nic in lib.items(object.get(r.values, path, []))
	lib.is_true(nic.AssociatePublicIpAddress)
}

deny contains lib.finding(r, message(r), "AssociatePublicIpAddress") if {
	lib.is_cloudformation
	some r in lib.resources("AWS::AutoScaling::LaunchConfiguration")
	lib.is_true(r.values.AssociatePublicIpAddress)
}
