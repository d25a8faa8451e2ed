# METADATA
# title: ECS container keeps secrets in plain environment variables
# description: >-
#   A container's `environment` values are stored in the task definition, where anyone
#   allowed to describe task definitions (and every state file and template) reads them.
#   Variables named like secrets with literal values, or holding AWS access keys, are
#   leaked credentials; ECS injects secrets from Secrets Manager or Parameter Store
#   through `secrets` instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
# custom:
#   id: IAC-AWS-ECS-005
#   severity: high
#   remediation: >-
#     Move the value to Secrets Manager or SSM Parameter Store and reference it from the
#     container's `secrets` list (`{"name": "DB_PASSWORD", "valueFrom": "<arn>"}`) in
#     `container_definitions` (CloudFormation `ContainerDefinitions[].Secrets`) instead of
#     `environment` (`Environment`).
#   frameworks: [AWS-FSBP-ECS.8]
#   forms:
#     - 'Terraform `container_definitions` as `jsonencode([...])` (also with unknown parts such as `image = var.image`, read from the JSON text iac-guard keeps) or a JSON string: `environment[].name/value`'
#     - 'CloudFormation `ContainerDefinitions[].Environment[].Name/Value`'
#     - 'A secret-like name (`DB_PASSWORD`, `API_KEY`, `AWS_SECRET_ACCESS_KEY`, `token`) with a literal value, or an AWS access key id under any name'
#   not_flagged:
#     - 'Values that are references (`{{resolve:...}}`, ARNs, parameter paths, unresolved expressions)'
#     - 'The `secrets` list, `environmentFiles` and names that only point at a secret (`SECRET_ARN`)'
package iac_guard.aws.ecs.env_secrets

import data.iac_guard.aws.ecs.containers
import data.iac_guard.lib
import data.iac_guard.lib_secrets as secrets
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

judged(r, entry) := lib.finding(r, msg, containers.path(entry, "environment")) if {
	names := leaked(entry)
	count(names) > 0
	msg := sprintf("ECS task definition %s passes secrets to container %s in plain environment variables: %s", [r.address, containers.name(entry), concat(", ", names)])
}

leaked(entry) := sort({name |
	some variable in lib.items(containers.field(entry, "environment"))
	is_object(variable)
	name := variable[containers.key(entry, "name")]
	value := variable[containers.key(entry, "value")]
	secret(name, value)
})

secret(_, value) if secrets.aws_access_key(value)

secret(name, value) if {
	secrets.secret_name(name)
	secrets.literal_secret(value)
}
