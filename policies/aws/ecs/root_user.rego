# METADATA
# title: ECS container runs as root
# description: >-
#   A container whose `user` is root (`root`, `0`, `0:0`, `root:root`) runs its process
#   with uid 0: any escape from the container, or a writable host mount, is root on the
#   instance.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: IAC-AWS-ECS-002
#   severity: medium
#   remediation: >-
#     Set the container's `user` in `container_definitions` (CloudFormation
#     `ContainerDefinitions[].User`) to an unprivileged uid or name, e.g. `"1000:1000"`.
#   frameworks: [AWS-FSBP-ECS.1]
#   forms:
#     - '`user` as a name or uid, alone or with a group: `root`, `0`, `0:0`, `root:root`, `0:1000`'
#     - 'Terraform `container_definitions` as `jsonencode([...])` (also with unknown parts such as `image = var.image`, read from the JSON text iac-guard keeps) or a JSON string; CloudFormation `ContainerDefinitions[].User`'
#   not_flagged:
#     - 'A container without `user`: the image''s USER decides, which the template does not show'
#     - 'Windows containers, where `user` is not supported'
package iac_guard.aws.ecs.root_user

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

judged(r, entry) := lib.finding(r, msg, containers.path(entry, "user")) if {
	root(containers.field(entry, "user"))
	msg := sprintf("ECS task definition %s runs container %s as root", [r.address, containers.name(entry)])
}

root(user) if {
	is_string(user)
	lower(trim_space(split(user, ":")[0])) in {"root", "0"}
}

root(user) if user == 0
