# METADATA
# title: ECS task definition uses the host network mode
# description: >-
#   In `host` network mode the task's containers share the container instance's network
#   stack: they can bind any host port, see every host interface and reach the instance
#   metadata endpoint directly, and no security group separates tasks from each other.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html
# custom:
#   id: IAC-AWS-ECS-004
#   severity: medium
#   remediation: >-
#     Set `network_mode = "awsvpc"` (or `bridge`) on the `aws_ecs_task_definition`
#     (CloudFormation `NetworkMode: awsvpc` on `AWS::ECS::TaskDefinition`).
#   frameworks: [AWS-FSBP-ECS.1]
#   forms:
#     - 'Terraform `network_mode`, CloudFormation `NetworkMode`, in any letter case'
#   not_flagged:
#     - 'The default mode (absent: `bridge` on Linux, `default` on Windows)'
#     - 'A network mode that cannot be resolved (a variable, `!Ref`)'
package iac_guard.aws.ecs.host_network

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ecs_task_definition")
	lib.lowercase(r.values.network_mode) == "host"
	result := lib.finding(r, sprintf("ECS task definition %s uses the host network mode", [r.address]), "network_mode")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECS::TaskDefinition")
	lib.lowercase(r.values.NetworkMode) == "host"
	result := lib.finding(r, sprintf("ECS task definition %s uses the host network mode", [r.address]), "NetworkMode")
}
