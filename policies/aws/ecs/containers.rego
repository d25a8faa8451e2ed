# Container definitions of ECS task definitions (and Batch job definitions), read the same
# way whatever form they take. Terraform gives `container_definitions` as one JSON string
# (`jsonencode([...])`, a heredoc, `file("containers.json")` once resolved) whose keys are
# the API's camelCase names; CloudFormation gives `ContainerDefinitions` as a list of
# objects with PascalCase names. A helper package: it has no rule, so it is no policy.
package iac_guard.aws.ecs.containers

import data.iac_guard.lib
import rego.v1

# A JSON document from a string; the value itself when it is already a list or object.
# Undefined for an unknown value or a string that is not JSON: nothing is concluded then.
decoded(value) := json.unmarshal(value) if {
	is_string(value)
	json.is_valid(value)
}

decoded(value) := value if {
	is_array(value)
}

# A `jsonencode(...)` with unknown parts, or a heredoc with interpolations: iac-guard
# keeps the value unknown and gives its JSON text with each unknown part as a
# `"${...}"` string. That text is read as it is: an unknown part stays a string holding
# `${`, which no check takes for a setting (not `true`, not root, not a literal secret).
# Interpolations that stand for JSON structure, and template directives, leave the text
# invalid: nothing is concluded then.
decoded(value) := json.unmarshal(body) if {
	src := lib.unknown_source(value)
	is_string(src)
	body := template_body(src)
	not contains(body, "%{")
	json.is_valid(body)
}

decoded(value) := value if {
	is_object(value)
	not lib.is_unknown(value)
}

template_body(src) := concat("\n", array.slice(lines, 1, count(lines) - 1)) if {
	startswith(src, "<<")
	lines := split(src, "\n")
	count(lines) > 2
}

template_body(src) := src if regex.match(`^\s*[\[{]`, src)

# Each container as {"c": the definition, "path": the attribute to report, "cfn": bool}.
# A JSON string is one attribute: findings point at it as a whole.
tf_containers(r) := [{"c": c, "path": "container_definitions", "cfn": false} |
	some c in lib.items(decoded(r.values.container_definitions))
	is_object(c)
]

cfn_containers(r) := [{"c": c, "path": sprintf("ContainerDefinitions.%d", [i]), "cfn": true} |
	some i, c in lib.items(r.values.ContainerDefinitions)
	is_object(c)
	not lib.is_unknown(c)
]

# A container field by its API (camelCase) name: CloudFormation spells it with a capital.
field(entry, name) := entry.c[key(entry, name)]

key(entry, name) := name if not entry.cfn

key(entry, name) := concat("", [upper(substring(name, 0, 1)), substring(name, 1, -1)]) if entry.cfn

# The attribute path of a field, for the finding's line (the whole string in Terraform).
path(entry, name) := entry.path if not entry.cfn

path(entry, name) := sprintf("%s.%s", [entry.path, key(entry, name)]) if entry.cfn

# A container's name for messages.
name(entry) := n if {
	n := field(entry, "name")
	is_string(n)
} else := "(unnamed)"
