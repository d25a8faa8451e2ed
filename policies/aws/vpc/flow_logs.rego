# METADATA
# title: VPC has no flow logs
# description: >-
#   Without flow logs there is no record of which addresses talked to which instances,
#   so intrusions, exfiltration and misrouted traffic cannot be investigated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
# custom:
#   id: IAC-AWS-VPC-001
#   severity: medium
#   remediation: >-
#     Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` and `traffic_type = "ALL"`
#     (CloudFormation `AWS::EC2::FlowLog` with `ResourceType: VPC` and `ResourceId: !Ref
#     <Vpc>`).
#   frameworks: [CIS-AWS-3.7]
#   forms:
#     - >-
#       an `aws_vpc` that no `aws_flow_log` names by `vpc_id` (reference or literal id);
#       CloudFormation `AWS::EC2::VPC` with no `AWS::EC2::FlowLog` `ResourceId`
#   not_flagged:
#     - >-
#       flow logs on subnets or network interfaces only: the rule asks for VPC-wide logging
package iac_guard.aws.vpc.flow_logs

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_flow_log", "vpc_id")

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_vpc")
	not lib.pointed_at(r, logged, "id")
	result := lib.finding(r, sprintf("VPC %s has no flow log", [r.address]), "")
}

cfn_logged := lib.pointers("AWS::EC2::FlowLog", "ResourceId")

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::VPC")
	not cfn_logged[lib.address_key(r)]
	result := lib.finding(r, sprintf("VPC %s has no flow log", [r.address]), "")
}
