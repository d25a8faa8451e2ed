# METADATA
# title: ECS container runs privileged
# description: >-
#   A privileged container gets root on the container instance: every device, every
#   capability, the host kernel's settings. A compromise of the application becomes a
#   compromise of the host and every other task on it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: IAC-AWS-ECS-001
#   severity: high
#   remediation: >-
#     Remove `"privileged": true` from the container in `container_definitions` of the
#     `aws_ecs_task_definition` (CloudFormation `ContainerDefinitions[].Privileged` on
#     `AWS::ECS::TaskDefinition`); grant the one capability needed with
#     `linuxParameters.capabilities.add` instead.
#   frameworks: [AWS-FSBP-ECS.4]
#   forms:
#     - 'Terraform `container_definitions` as `jsonencode([...])` (also with unknown parts such as `image = var.image`, read from the JSON text iac-guard keeps), a JSON heredoc or a resolved `file(...)`'
#     - 'CloudFormation `ContainerDefinitions[].Privileged` as a boolean or the string "true"'
#   not_flagged:
#     - 'Container definitions that cannot be resolved (a `templatefile` over unknown variables, `!If`): nothing is assumed'
#     - 'Added Linux capabilities short of privileged mode (`linuxParameters.capabilities.add`)'
package iac_guard.aws.ecs.privileged

import data.iac_guard.aws.ecs.containers
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ecs_task_definition")
	some entry in containers.tf_containers(r)
	result := judged(r, entry)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECS::TaskDefinition")
	some entry in containers.cfn_containers(r)
	result := judged(r, entry)
}

judged(r, entry) := lib.finding(r, msg, containers.path(entry, "privileged")) if {
	lib.is_true(containers.field(entry, "privileged"))
	msg := sprintf("ECS task definition %s runs container %s privileged", [r.address, containers.name(entry)])
}
