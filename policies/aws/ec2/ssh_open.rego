# METADATA
# title: Security group allows SSH (22) from the internet
# description: SSH reachable from 0.0.0.0/0 or ::/0 invites brute-force and exploit attempts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: IAC-AWS-SG-001
#   severity: high
#   remediation: >-
#     Restrict the ingress rule's `cidr_blocks` / `ipv6_cidr_blocks` (Terraform) or
#     `CidrIp` / `CidrIpv6` (CloudFormation) to known networks, or use SSM Session Manager
#     instead of SSH.
#   frameworks: [CIS-AWS-5.2, CIS-AWS-5.3]
#   resource_types:
#     - aws_security_group
#     - aws_default_security_group
#     - aws_security_group_rule
#     - aws_vpc_security_group_ingress_rule
#     - AWS::EC2::SecurityGroup
#     - AWS::EC2::SecurityGroupIngress
#   forms:
#     - >-
#       ingress admitting TCP 22 from 0.0.0.0/0, ::/0 or any /0 in `aws_security_group` /
#       `aws_default_security_group` blocks, `aws_security_group_rule` (type ingress),
#       `aws_vpc_security_group_ingress_rule`, CloudFormation `SecurityGroupIngress` and
#       `AWS::EC2::SecurityGroupIngress`
#     - >-
#       port ranges that include 22, all-protocol rules (`-1`, "all"), 0-0 and -1 to -1
#       ports, numbers as strings
#   not_flagged:
#     - >-
#       rules from prefix lists or security groups
#     - >-
#       UDP and ICMP rules
package iac_guard.aws.ec2.ssh_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("aws", 22)
	result := lib.finding(r, sprintf("%s allows SSH (port 22) from the internet", [r.address]), attr)
}
