# METADATA
# title: Batch job definition runs a privileged container
# description: >-
#   A privileged job container gets root on the compute environment's instance: every
#   device and capability. A job that processes untrusted input becomes a way onto the
#   host and into every other job it runs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html
# custom:
#   id: IAC-AWS-BATCH-001
#   severity: high
#   remediation: >-
#     Remove `"privileged": true` from `container_properties` / `ecs_properties` of the
#     `aws_batch_job_definition` (CloudFormation `ContainerProperties.Privileged`,
#     `EcsProperties.TaskProperties[].Containers[].Privileged` on
#     `AWS::Batch::JobDefinition`).
#   forms:
#     - 'Terraform `container_properties` and `ecs_properties` as `jsonencode({...})` or JSON strings'
#     - 'CloudFormation `ContainerProperties.Privileged` and `EcsProperties.TaskProperties[].Containers[].Privileged` (boolean or "true")'
#   not_flagged:
#     - 'EKS job definitions (`eks_properties`: the pod''s `securityContext`), and properties that cannot be resolved'
package iac_guard.aws.batch.privileged

import data.iac_guard.aws.batch.containers
import data.iac_guard.aws.ecs.containers as ecs
import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_batch_job_definition")
	some entry in containers.tf_containers(r)
	result := judged(r, entry)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Batch::JobDefinition")
	some entry in containers.cfn_containers(r)
	result := judged(r, entry)
}

judged(r, entry) := lib.finding(r, sprintf("Batch job definition %s runs a privileged container", [r.address]), ecs.path(entry, "privileged")) if {
	lib.is_true(ecs.field(entry, "privileged"))
}
