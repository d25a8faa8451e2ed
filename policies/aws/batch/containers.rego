# Containers of Batch job definitions as the ECS helper reads them: Terraform
# `container_properties` (one container) and `ecs_properties` (`taskProperties[].containers[]`)
# as JSON strings with camelCase keys; CloudFormation `ContainerProperties` and
# `EcsProperties.TaskProperties[].Containers[]` with PascalCase keys. No rule: no policy.
package iac_guard.aws.batch.containers

import data.iac_guard.aws.ecs.containers as ecs
import data.iac_guard.lib
import rego.v1

tf_containers(r) := array.concat(
	[{"c": c, "path": "container_properties", "cfn": false} |
		c := ecs.decoded(r.values.container_properties)
		is_object(c)
	],
	[{"c": c, "path": "ecs_properties", "cfn": false} |
		props := ecs.decoded(r.values.ecs_properties)
		is_object(props)
		some task in lib.items(props.taskProperties)
		is_object(task)
		some c in lib.items(task.containers)
		is_object(c)
	],
)

cfn_containers(r) := array.concat(
	[{"c": c, "path": "ContainerProperties", "cfn": true} |
		c := r.values.ContainerProperties
		is_object(c)
		not lib.is_unknown(c)
	],
	[{"c": c, "path": sprintf("EcsProperties.TaskProperties.%d.Containers.%d", [i, j]), "cfn": true} |
		some i, task in lib.items(r.values.EcsProperties.TaskProperties)
		is_object(task)
		some j, c in lib.items(task.Containers)
		is_object(c)
		not lib.is_unknown(c)
	],
)
