# METADATA
# title: Batch job definition keeps secrets in plain environment variables
# description: >-
#   A job container's `environment` is stored in the job definition, readable by anyone
#   allowed to describe job definitions and in every state file and template. Variables
#   named like secrets with literal values, or holding AWS access keys, are leaked
#   credentials; Batch injects secrets from Secrets Manager or Parameter Store through
#   `secrets`.
# related_resources:
#   - ref: https://docs.aws.amazon.com/batch/latest/userguide/specifying-sensitive-data.html
# custom:
#   id: IAC-AWS-BATCH-002
#   severity: high
#   remediation: >-
#     Move the value to Secrets Manager or SSM Parameter Store and reference it from the
#     container's `secrets` (`{"name": ..., "valueFrom": <arn>}`) in `container_properties`
#     (CloudFormation `ContainerProperties.Secrets`) instead of `environment`
#     (`Environment`).
#   forms:
#     - 'Terraform `container_properties` / `ecs_properties` as `jsonencode({...})` or JSON strings: `environment[].name/value`'
#     - 'CloudFormation `ContainerProperties.Environment[]` and `EcsProperties.TaskProperties[].Containers[].Environment[]`'
#     - 'A secret-like name with a literal value, or an AWS access key id under any name'
#   not_flagged:
#     - 'Values that are references (`{{resolve:...}}`, ARNs, parameter paths, unresolved expressions), and the `secrets` list'
package iac_guard.aws.batch.env_secrets

import data.iac_guard.aws.batch.containers
import data.iac_guard.aws.ecs.containers as ecs
import data.iac_guard.aws.ecs.env_secrets as ecs_env
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

judged(r, entry) := lib.finding(r, msg, ecs.path(entry, "environment")) if {
	names := ecs_env.leaked(entry)
	count(names) > 0
	msg := sprintf("Batch job definition %s passes secrets in plain environment variables: %s", [r.address, concat(", ", names)])
}
