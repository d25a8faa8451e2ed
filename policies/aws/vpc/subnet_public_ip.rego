# METADATA
# title: Subnet gives instances public IP addresses automatically
# description: >-
#   With `map_public_ip_on_launch`, every instance launched in the subnet gets a public
#   address, whether or not it was meant to be reachable from the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html
# custom:
#   id: IAC-AWS-VPC-002
#   severity: low
#   remediation: >-
#     Set `map_public_ip_on_launch = false` (CloudFormation `MapPublicIpOnLaunch: false`)
#     and give public addresses only to load balancers and NAT gateways.
#   forms:
#     - >-
#       `map_public_ip_on_launch = true` (or "true"); CloudFormation `MapPublicIpOnLaunch`
#   not_flagged:
#     - >-
#       IPv6 address assignment (`assign_ipv6_address_on_creation`)
package iac_guard.aws.vpc.subnet_public_ip

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_subnet")
	lib.is_true(r.values.map_public_ip_on_launch)
	result := lib.finding(r, sprintf("subnet %s assigns public IP addresses on launch", [r.address]), "map_public_ip_on_launch")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::Subnet")
	lib.is_true(r.values.MapPublicIpOnLaunch)
	result := lib.finding(r, sprintf("subnet %s assigns public IP addresses on launch", [r.address]), "MapPublicIpOnLaunch")
}
