# METADATA
# title: Security group allows every port from the internet
# description: >-
#   An ingress rule for all protocols, or TCP 0-65535, from 0.0.0.0/0 or ::/0 exposes
#   every service on the attached instances, including ones never meant to be reachable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: IAC-AWS-SG-004
#   severity: critical
#   remediation: >-
#     Replace the rule (Terraform `protocol = "-1"` or `from_port = 0` / `to_port = 65535`;
#     CloudFormation `IpProtocol: -1`) with rules for the specific ports the service needs,
#     from known CIDRs or security groups.
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
#       ingress from the world on every port: protocol `-1` / "all" (ports ignored), TCP
#       0-65535, 0-0 or -1 to -1, in every AWS rule form of IAC-AWS-SG-001
#   not_flagged:
#     - >-
#       egress rules: open egress is the AWS default
#     - >-
#       a single service port open to the world (443 on a web server): only SSH, RDP and
#       database ports (IAC-AWS-SG-001..003) and every port are reported, not each public
#       port
package iac_guard.aws.ec2.all_ports_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_all_ports("aws")
	result := lib.finding(r, sprintf("%s allows every port from the internet", [r.address]), attr)
}
