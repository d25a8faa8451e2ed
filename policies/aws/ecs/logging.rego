# METADATA
# title: ECS container has no log configuration
# description: >-
#   A container without a `logConfiguration` sends its output nowhere ECS collects it:
#   application errors and signs of intrusion are lost when the task stops.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html
# custom:
#   id: IAC-AWS-ECS-006
#   severity: low
#   remediation: >-
#     Give each container in `container_definitions` a `logConfiguration` with a
#     `logDriver` (e.g. `awslogs` with `awslogs-group`), CloudFormation
#     `ContainerDefinitions[].LogConfiguration.LogDriver`.
#   frameworks: [AWS-FSBP-ECS.9]
#   forms:
#     - 'Terraform `container_definitions` as `jsonencode([...])` (also with unknown parts such as `image = var.image`, read from the JSON text iac-guard keeps) or a JSON string; CloudFormation `ContainerDefinitions[].LogConfiguration`'
#     - '`logConfiguration` absent, null, or without a `logDriver`'
#   not_flagged:
#     - 'Which driver is used (`awslogs`, `awsfirelens`, `splunk`...): any driver counts'
#     - 'A log configuration that cannot be resolved'
package iac_guard.aws.ecs.logging

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

judged(r, entry) := lib.finding(r, msg, entry.path) if {
	not logged(entry)
	msg := sprintf("ECS task definition %s has no log configuration for container %s", [r.address, containers.name(entry)])
}

logged(entry) if lib.is_unknown(containers.field(entry, "logConfiguration"))

logged(entry) if {
	config := containers.field(entry, "logConfiguration")
	is_object(config)
	driver := config[containers.key(entry, "logDriver")]
	driver != null
	driver != ""
}
