# IAM policy documents in one shape, whether written as JSON text, `jsonencode(...)`, an
# object (CloudFormation) or an `aws_iam_policy_document` data source.
# Import with `import data.iac_guard.lib_iam as iam`.
package iac_guard.lib_iam

import data.iac_guard.lib
import rego.v1

# statements(r, value): the statements of the policy document `value` found in resource
# `r`, each {effect, actions, resources, principals ([[type, id], ...]), conditions (keys,
# lower case)}. A reference to an aws_iam_policy_document resolves to its statements.
# Undefined when the document is unknown or not valid JSON.
statements(_, value) := {statement(s) | some s in lib.as_array(document(value).Statement); is_object(s)} if {
	not lib.is_unknown(value)
	document(value)
}

statements(r, value) := document_statements[doc_key(r, lib.reference_target(r, value))] if lib.is_unknown(value)

statements(_, value) := {statement(s) | some s in lib.as_array(doc.Statement); is_object(s)} if {
	doc := template_document(value)
}

# A Terraform heredoc whose JSON holds interpolations (`"arn:aws:s3:::${var.name}/*"`),
# or a `jsonencode({...})` with unknown parts,
# which makes the whole value unknown: each `${...}` becomes a placeholder string that
# matches no principal, action or effect, so only what is written literally counts.
# Undefined for template directives (`%{ for }`) and for interpolations that stand for
# JSON structure (`"Principal": ${var.p}`), which leave the text invalid JSON.
template_document(value) := doc if {
	src := lib.unknown_source(value)
	is_string(src)
	doc := interpolated_json(template_body(src))
}

# A heredoc's body, or the JSON text of a partly unknown `jsonencode({...})`, which
# iac-guard writes with each unknown part as a `${...}` interpolation.
template_body(src) := concat("\n", array.slice(lines, 1, count(lines) - 1)) if {
	startswith(src, "<<")
	lines := split(src, "\n")
	count(lines) > 2
}

template_body(src) := src if startswith(src, "{")

interpolated_json(body) := doc if {
	not contains(body, "%{")
	text := regex.replace(body, `\$\{[^{}]*\}`, "iac-guard-unknown")
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
}

document(doc) := json.unmarshal(doc) if {
	is_string(doc)
	json.is_valid(doc)
}

document(doc) := doc if is_object(doc)

# Statements of every aws_iam_policy_document data source, by module directory and address.
document_statements[key] contains tf_statement(s) if {
	some d in lib.resources("aws_iam_policy_document")
	key := doc_key(d, lib.base_address(d.address))
	some s in lib.items(d.values.statement)
	is_object(s)
}

doc_key(r, address) := sprintf("%s|%s", [lib.dir(r.file), address])

statement(s) := {
	"effect": object.get(s, "Effect", ""),
	"actions": lib.as_array(object.get(s, "Action", [])),
	"resources": lib.as_array(object.get(s, "Resource", [])),
	"principals": json_principals(object.get(s, "Principal", {})),
	"conditions": [lower(k) | some _, keys in json_object(object.get(s, "Condition", {})); some k, _ in json_object(keys)],
}

# An object as written; {} for anything else (a string, a list, an unknown value).
json_object(value) := value if {
	is_object(value)
	not lib.is_unknown(value)
}

json_object(value) := {} if not is_object(value)

json_object(value) := {} if lib.is_unknown(value)

json_principals(p) := [["*", "*"]] if p == "*"

json_principals(p) := [[t, id] | some t, ids in p; some id in lib.as_array(ids)] if {
	is_object(p)
	not lib.is_unknown(p)
}

json_principals(p) := [] if {
	not p == "*"
	not is_object(p)
}

json_principals(p) := [] if lib.is_unknown(p)

tf_statement(s) := {
	"effect": object.get(s, "effect", "Allow"),
	"actions": lib.as_array(object.get(s, "actions", [])),
	"resources": lib.as_array(object.get(s, "resources", [])),
	"principals": [[p.type, id] | some p in lib.items(object.get(s, "principals", [])); some id in lib.as_array(p.identifiers)],
	"conditions": [lower(c.variable) | some c in lib.items(object.get(s, "condition", [])); is_string(c.variable)],
}

# Allows every action on every resource.
admin(stmt) if {
	stmt.effect == "Allow"
	some action in stmt.actions
	action in {"*", "*:*"}
	"*" in stmt.resources
}

# Allows anyone (Principal "*" or {"AWS": "*"}) without any condition narrowing it.
public(stmt) if {
	stmt.effect == "Allow"
	some [type, id] in stmt.principals
	type in {"*", "AWS"}
	id == "*"
	count(stmt.conditions) == 0
}

# Denies or allows depending on MFA (aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge).
mfa_condition(stmt) if {
	some key in stmt.conditions
	key in {"aws:multifactorauthpresent", "aws:multifactorauthage"}
}
