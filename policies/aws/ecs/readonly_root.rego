# METADATA
# title: ECS container root filesystem is writable
# description: >-
#   A writable root filesystem lets an intruder drop tools and persist changes in the
#   container. Read-only root filesystems limit what a compromised process can alter;
#   scratch space belongs in declared volumes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: IAC-AWS-ECS-003
#   severity: low
#   remediation: >-
#     Set `"readonlyRootFilesystem": true` on each container in `container_definitions`
#     (CloudFormation `ContainerDefinitions[].ReadonlyRootFilesystem: true`) and mount
#     volumes for the paths the application writes.
#   frameworks: [AWS-FSBP-ECS.5]
#   forms:
#     - 'Terraform `container_definitions` as `jsonencode([...])` (also with unknown parts such as `image = var.image`, read from the JSON text iac-guard keeps) or a JSON string; CloudFormation `ContainerDefinitions[].ReadonlyRootFilesystem`'
#     - 'The setting absent (writable by default), `false` or the string "false"'
#   not_flagged:
#     - 'Task definitions that only run on Windows (`runtime_platform` / `RuntimePlatform.OperatingSystemFamily` WINDOWS_*), which do not support the setting'
#     - 'A `readonlyRootFilesystem` or a runtime platform that cannot be resolved'
package iac_guard.aws.ecs.readonly_root

import data.iac_guard.aws.ecs.containers
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ecs_task_definition")
	not maybe_windows(object.get(r.values, "runtime_platform", []), "operating_system_family")
	some entry in containers.tf_containers(r)
	result := judged(r, entry)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECS::TaskDefinition")
	not maybe_windows(object.get(r.values, "RuntimePlatform", {}), "OperatingSystemFamily")
	some entry in containers.cfn_containers(r)
	result := judged(r, entry)
}

judged(r, entry) := lib.finding(r, msg, at) if {
	lib.false_or_missing(entry.c, containers.key(entry, "readonlyRootFilesystem"))
	at := writable_at(entry)
	msg := sprintf("ECS task definition %s gives container %s a writable root filesystem", [r.address, containers.name(entry)])
}

writable_at(entry) := containers.path(entry, "readonlyRootFilesystem") if lib.has_key(entry.c, containers.key(entry, "readonlyRootFilesystem"))

writable_at(entry) := entry.path if not lib.has_key(entry.c, containers.key(entry, "readonlyRootFilesystem"))

# Windows, or a platform that cannot be resolved (which might be Windows).
maybe_windows(platform, _) if lib.is_unknown(platform)

maybe_windows(platform, key) if lib.is_unknown(platform_block(platform)[key])

maybe_windows(platform, key) if windows(platform_block(platform)[key])

# Terraform's `runtime_platform` block (a list), CloudFormation's `RuntimePlatform` object.
platform_block(platform) := platform[0] if {
	is_array(platform)
	count(platform) > 0
	is_object(platform[0])
}

platform_block(platform) := platform if is_object(platform)

windows(family) if {
	is_string(family)
	startswith(upper(family), "WINDOWS")
}
