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
#
# One definition with else branches (they exclude each other): Rego evaluates every
# definition of a function on each call, and the document is parsed once.
statements(r, value) := {statement(s) | some s in lib.as_array(doc.Statement); is_object(s)} if {
	not lib.is_unknown(value)
	doc := document(value)
} else := stmts if {
	lib.is_unknown(value)
	stmts := document_statements[doc_key(r, lib.reference_target(r, value))]
} else := {statement(s) | some s in lib.as_array(doc.Statement); is_object(s)} if {
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
	"restricted": json_restricted(object.get(s, "Condition", {})),
}

# Whether a statement's conditions restrict who can use it: one condition on a key that
# names the caller's network, account, organization or source resource, with a fixed
# value, under an operator that matches it (not a negation, not ...IfExists, not
# ForAllValues:, which all let a request without the key through). aws:Referer,
# aws:UserAgent, aws:SecureTransport and the like restrict nothing: any caller can send
# them. An unknown condition counts as restricting (nothing can be concluded), as does
# an operator whose keys are unknown (`StringEquals: !If [...]`).
json_restricted(cond) := false if {
	cond == {} # no Condition: the common case, decided at once
} else := true if {
	lib.is_unknown(cond)
} else := true if {
	some _, keys in json_object(cond)
	lib.is_unknown(keys)
} else := true if {
	some op, keys in json_object(cond)
	some k, values in json_object(keys)
	restricting(op, k, values)
} else := false

# The same for an aws_iam_policy_document statement's `condition` blocks (an unknown
# list of them, from a `dynamic` block over a variable, counts as restricting).
tf_restricted(conditions) := true if {
	lib.is_unknown(conditions)
} else := true if {
	some c in lib.items(conditions)
	is_object(c)
	restricting(object.get(c, "test", ""), object.get(c, "variable", ""), object.get(c, "values", []))
} else := false

restricting(op, key, values) if {
	is_string(op)
	is_string(key)
	lower(key) in caller_keys
	affirmative(op)
	fixed(lower(key), values)
}

restricting(op, key, _) if lib.is_unknown(op)

restricting(_, key, _) if lib.is_unknown(key)

# Condition keys that Amazon S3 (and IAM) read as limiting the caller ("The meaning of
# public": source IP, VPC, endpoint, account, ARN, owner, organization, principal).
caller_keys := {
	"aws:sourceip", "aws:vpcsourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn",
	"aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:userid", "aws:username", "aws:principalservicename",
	"s3:x-amz-server-side-encryption-aws-kms-key-id",
}

affirmative(op) if {
	lop := lower(op)
	not contains(lop, "not")
	not endswith(lop, "ifexists")
	not startswith(lop, "forallvalues:")
	lop != "null"
}

# Values that name something: not a lone "*", not a world CIDR for aws:SourceIp.
fixed(key, values) if {
	vals := lib.as_array(values)
	count(vals) > 0
	every v in vals {
		not wildcard(key, v)
	}
}

fixed(_, values) if lib.is_unknown(values)

wildcard(_, v) if v == "*"

wildcard(_, v) if v == ""

wildcard(key, v) if {
	key in {"aws:sourceip", "aws:vpcsourceip"}
	lib.is_world(v)
}

# An object as written; {} for anything else (a string, a list, an unknown value).
json_object(value) := value if {
	is_object(value)
	not lib.is_unknown(value)
} else := {}

json_principals(p) := [["*", "*"]] if {
	p == "*"
} else := [[t, id] | some t, ids in p; some id in lib.as_array(ids)] if {
	is_object(p)
	not lib.is_unknown(p)
} else := []

tf_statement(s) := {
	"effect": object.get(s, "effect", "Allow"),
	"actions": lib.as_array(object.get(s, "actions", [])),
	"resources": lib.as_array(object.get(s, "resources", [])),
	"principals": [[p.type, id] | some p in lib.items(object.get(s, "principals", [])); some id in lib.as_array(p.identifiers)],
	"conditions": [lower(c.variable) | some c in lib.items(object.get(s, "condition", [])); is_string(c.variable)],
	"restricted": tf_restricted(object.get(s, "condition", [])),
}

# Allows every action on every resource.
admin(stmt) if {
	stmt.effect == "Allow"
	some action in stmt.actions
	action in {"*", "*:*"}
	"*" in stmt.resources
}

# Allows anyone (Principal "*" or {"AWS": "*"}) without a condition that restricts the
# caller (see json_restricted: aws:Referer or aws:SecureTransport alone do not).
public(stmt) if {
	stmt.effect == "Allow"
	some [type, id] in stmt.principals
	type in {"*", "AWS"}
	id == "*"
	not stmt.restricted
}

# Denies or allows depending on MFA (aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge).
mfa_condition(stmt) if {
	some key in stmt.conditions
	key in {"aws:multifactorauthpresent", "aws:multifactorauthage"}
}
