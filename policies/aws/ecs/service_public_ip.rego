# METADATA
# title: ECS service assigns public IP addresses
# description: >-
#   A service whose tasks get public IP addresses puts every task directly on the
#   internet, guarded only by its security group. Tasks belong in private subnets behind
#   a load balancer, reaching out through a NAT gateway or VPC endpoints.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
# custom:
#   id: IAC-AWS-ECS-008
#   severity: high
#   remediation: >-
#     Set `assign_public_ip = false` in the `network_configuration` of the
#     `aws_ecs_service` / `aws_ecs_task_set` (CloudFormation
#     `NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: DISABLED`).
#   frameworks: [AWS-FSBP-ECS.2]
#   forms:
#     - 'Terraform `network_configuration { assign_public_ip = true }` on `aws_ecs_service` and `aws_ecs_task_set` (boolean or "true")'
#     - 'CloudFormation `AWS::ECS::Service` `NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp` and `AWS::ECS::TaskSet` `NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp`: ENABLED'
#   not_flagged:
#     - 'The default (absent: no public IP), and services in `bridge` or `host` mode, which have no network configuration'
#     - 'A setting that cannot be resolved'
package iac_guard.aws.ecs.service_public_ip

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_ecs_service", "aws_ecs_task_set"]
	some r in lib.managed(rtype)
	lib.is_true(lib.block(r.values, "network_configuration").assign_public_ip)
	result := lib.finding(r, sprintf("%s assigns public IP addresses to its tasks", [r.address]), "network_configuration.0.assign_public_ip")
}

deny contains result if {
	lib.is_cloudformation
	some [rtype, config] in [["AWS::ECS::Service", "AwsvpcConfiguration"], ["AWS::ECS::TaskSet", "AwsVpcConfiguration"]]
	some r in lib.resources(rtype)
	lib.lowercase(r.values.NetworkConfiguration[config].AssignPublicIp) == "enabled"
	result := lib.finding(r, sprintf("%s assigns public IP addresses to its tasks", [r.address]), sprintf("NetworkConfiguration.%s.AssignPublicIp", [config]))
}
