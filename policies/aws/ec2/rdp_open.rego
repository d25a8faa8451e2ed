# METADATA
# title: Security group allows RDP (3389) from the internet
# description: RDP reachable from 0.0.0.0/0 or ::/0 is a common ransomware entry point.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: IAC-AWS-SG-002
#   severity: high
#   remediation: >-
#     Restrict the ingress rule's `cidr_blocks` / `ipv6_cidr_blocks` (Terraform) or
#     `CidrIp` / `CidrIpv6` (CloudFormation) to known networks, or reach hosts through a
#     bastion or Fleet Manager.
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
#       the forms of IAC-AWS-SG-001 for port 3389, on TCP and UDP (RDP listens on both)
#   not_flagged:
#     - >-
#       rules from prefix lists or security groups
#     - >-
#       ICMP rules
package iac_guard.aws.ec2.rdp_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("aws", 3389) | network.world_ingress_udp("aws", 3389)
	result := lib.finding(r, sprintf("%s allows RDP (port 3389) from the internet", [r.address]), attr)
}
