# Shared helpers for the built-in policies. Import with `import data.iac_guard.lib`.
package iac_guard.lib

import rego.v1

# Resources grouped by type. A rule, so Regorus computes it once per evaluation; a
# function that filtered input.resources would rescan every resource on every call and
# make a policy that looks resources up per resource quadratic (measured: 10 s instead
# of 0.01 s on 8,000 resources).
# A resource whose values are unknown as a whole (CloudFormation `Properties: !If ...`)
# is left out: nothing can be said about it.
by_type[t] contains r if {
	some r in input.resources
	not is_unknown(r.values)
	t := r.type
}

# Resources of a given type (Terraform "aws_s3_bucket" or CloudFormation "AWS::S3::Bucket").
resources(rtype) := object.get(by_type, rtype, set())

# Managed (not data / module) Terraform resources, and CloudFormation resources.
managed(rtype) := {r | some r in resources(rtype); r.mode != "data"}

# Defaults keep these always defined: Regorus (0.13) mis-evaluates a later body of a
# multi-body rule after an earlier body met an undefined imported rule.
default is_terraform := false

is_terraform if input.kind == "terraform"

default is_cloudformation := false

is_cloudformation if input.kind == "cloudformation"

# A value iac-guard could not resolve statically: a Terraform expression that depends on
# apply-time data, or a CloudFormation intrinsic function.
is_unknown(value) if {
	is_object(value)
	value.__unknown__
}

is_unknown(value) if {
	is_object(value)
	count(value) == 1
	some key, _ in value
	intrinsic(key)
}

intrinsic(key) if key == "Ref"

intrinsic(key) if startswith(key, "Fn::")

is_known(value) if not is_unknown(value)

# The unresolved expression's source, "" when known.
unknown_source(value) := value.__unknown__ if is_unknown(value)

# The resource an unresolved reference in resource `r` points at, as an address without
# instance key: `bucket = aws_s3_bucket.logs[0].id` inside module.m gives
# "module.m.aws_s3_bucket.logs"; CloudFormation `!Ref X` / `!GetAtt X.Arn` give "X".
# Collect targets into a set once and look resources up in it: linear, not quadratic.
reference_target(r, value) := base_address(module_prefixed(r.module, m[0])) if {
	src := value.__unknown__
	m := regex.find_n(`^(data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*`, src, 1)
	count(m) == 1
}

reference_target(_, value) := value.Ref if is_string(value.Ref)

reference_target(_, value) := value["Fn::GetAtt"][0] if is_array(value["Fn::GetAtt"])

reference_target(_, value) := split(value["Fn::GetAtt"], ".")[0] if is_string(value["Fn::GetAtt"])

module_prefixed(module, address) := address if module == ""

module_prefixed(module, address) := concat(".", [module, address]) if module != ""

# An address without its instance keys: module.a["x"].aws_s3_bucket.b[0] -> module.a.aws_s3_bucket.b
base_address(address) := regex.replace(address, `\[[^\]]*\]`, "")

# True when the attribute is absent, null or false; an unknown value is neither.
false_or_missing(obj, key) if not has_key(obj, key)

false_or_missing(obj, key) if obj[key] == null

false_or_missing(obj, key) if obj[key] == false

false_or_missing(obj, key) if obj[key] == "false"

has_key(obj, key) if _ = obj[key]

# The first nested block of a Terraform block list (blocks are lists, as in plan JSON).
block(obj, key) := obj[key][0] if is_array(obj[key])

block(obj, key) := obj[key] if is_object(obj[key])

# Whether a nested block (or CloudFormation property) is present at all, or unknown.
has_block(obj, key) if count(obj[key]) > 0

has_block(obj, key) if is_unknown(obj[key])

# World-open CIDRs, IPv4 and IPv6.
world_cidrs := {"0.0.0.0/0", "::/0", "0.0.0.0", "*", "Internet", "any", "Any"}

is_world(cidr) if world_cidrs[cidr]

any_world(cidrs) if {
	is_array(cidrs)
	some c in cidrs
	is_world(c)
}

any_world(cidr) if {
	is_string(cidr)
	is_world(cidr)
}

# Whether a port range includes a port. Protocol "-1"/"all" means every port.
includes_port(from_port, to_port, port) if {
	is_number(from_port)
	is_number(to_port)
	from_port <= port
	port <= to_port
}

includes_port(from_port, to_port, port) if {
	from_port == 0
	to_port == 0
}

includes_port(from_port, to_port, port) if {
	from_port == -1
	to_port == -1
}

all_protocols(protocol) if protocol in {"-1", -1, "all", "ALL"}

# Tags as a flat object for both shapes: Terraform maps and CloudFormation Key/Value lists.
tags(r) := r.values.tags if is_object(r.values.tags)

tags(r) := {t.Key: t.Value | some t in r.values.Tags} if is_array(r.values.Tags)

tags(r) := {} if {
	not is_object(r.values.tags)
	not is_array(r.values.Tags)
}

# A finding object in the shape iac-guard expects.
# `file` and `root` tell apart equal addresses in different root modules.
finding(r, msg, attribute) := {"msg": msg, "resource": r.address, "file": r.file, "root": object.get(r, "root", ""), "attribute": attribute}

# Parse an IAM policy document given as JSON text or as an object.
policy_document(doc) := json.unmarshal(doc) if {
	is_string(doc)
	json.is_valid(doc)
}

policy_document(doc) := doc if is_object(doc)

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# Statements that allow every action on every resource.
admin_statement(doc) if {
	some stmt in as_array(policy_document(doc).Statement)
	stmt.Effect == "Allow"
	"*" in as_array(stmt.Action)
	"*" in as_array(stmt.Resource)
}
