# Shared helpers for the built-in policies. Import with `import data.iac_guard.lib`.
package iac_guard.lib

import rego.v1

# Resources grouped by type. A rule, so Regorus computes it once per evaluation; a
# function that filtered input.resources would rescan every resource on every call and
# make a policy that looks resources up per resource quadratic (measured: 10 s instead
# of 0.01 s on 8,000 resources).
# A resource whose values are unknown as a whole (CloudFormation `Properties: !If ...`,
# which iac-guard gives as {"__unknown__": ...}) is left out: nothing can be said about
# it. (Tested on the marker directly: is_unknown per resource would triple the cost.)
by_type[t] contains r if {
	some r in input.resources
	not r.values.__unknown__
	t := r.type
}

# Resources of a given type (Terraform "aws_s3_bucket" or CloudFormation "AWS::S3::Bucket"),
# the empty set when there are none. (Regorus 0.13 leaves by_type undefined, not {}, when
# no resource has known values: hence the `else`.)
resources(rtype) := found if found := by_type[rtype]
else := set()

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
	unknown_object(value)
}

# one definition with an else branch: asked of nearly every value, by nearly every policy
unknown_object(value) if {
	value.__unknown__
} else := true if {
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
# Undefined for what is no resource: `var.x`, `local.x`, `module.m.output`, `each.value`.
reference_target(r, value) := base_address(module_prefixed(r.module, m[0])) if {
	src := value.__unknown__
	is_string(src)
	m := regex.find_n(`^(data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*`, src, 1)
	count(m) == 1
	not non_resource_roots[split(m[0], ".")[0]]
}

non_resource_roots := {"var", "local", "module", "each", "count", "path", "terraform", "self"}

reference_target(_, value) := value.Ref if is_string(value.Ref)

reference_target(_, value) := value["Fn::GetAtt"][0] if is_array(value["Fn::GetAtt"])

reference_target(_, value) := split(value["Fn::GetAtt"], ".")[0] if is_string(value["Fn::GetAtt"])

module_prefixed(module, address) := address if module in {"", null}

module_prefixed(module, address) := concat(".", [module, address]) if {
	is_string(module)
	module != ""
}

# An address without its instance keys: module.a["x"].aws_s3_bucket.b[0] -> module.a.aws_s3_bucket.b
base_address(address) := regex.replace(address, `\[[^\]]*\]`, "")

# True when the attribute is absent, null or false; an unknown value is neither.
false_or_missing(obj, key) if not has_key(obj, key)

false_or_missing(obj, key) if obj[key] == null

false_or_missing(obj, key) if is_false(obj[key])

# True when the attribute is absent, null or true (an attribute whose default is on);
# an unknown value is neither.
true_or_missing(obj, key) if not has_key(obj, key)

true_or_missing(obj, key) if obj[key] == null

true_or_missing(obj, key) if is_true(obj[key])

has_key(obj, key) if _ = obj[key]

# Whether attribute `key` is set to a value: present, not null, not "" (nor only
# blanks), not an empty list or object. `kms_key_id = ""`, `KMSKeyId: ""` and
# `kms_master_key_id = null` are not set (the provider treats them as absent), nor is
# CloudFormation's `!Ref AWS::NoValue`. An
# unknown value counts as set: nothing can be concluded from it.
is_set(obj, key) if value_set(obj[key])

value_set(value) if {
	is_string(value)
	trim_space(value) != ""
}

value_set(value) if is_number(value)

value_set(value) if is_boolean(value)

value_set(value) if {
	is_array(value)
	count(value) > 0
}

value_set(value) if {
	is_object(value)
	count(value) > 0
	not no_value(value)
}

# CloudFormation's `!Ref AWS::NoValue`: the property is removed.
no_value(value) if value.Ref == "AWS::NoValue"

# Booleans as Terraform and CloudFormation write them (CloudFormation often quotes them).
is_true(value) if value == true

is_true(value) if {
	is_string(value)
	lower(value) == "true"
}

is_false(value) if value == false

is_false(value) if {
	is_string(value)
	lower(value) == "false"
}

# Lower case of a string; undefined for anything else (Regorus raises an error, not
# undefined, when a builtin gets the wrong type: guard every builtin call on values).
lowercase(value) := lower(value) if is_string(value)

# A number from a number or a numeric string ("22" in CloudFormation); undefined otherwise.
number(value) := value if is_number(value)

number(value) := to_number(trim_space(value)) if {
	is_string(value)
	regex.match(`^\s*-?[0-9]+\s*$`, value)
}

# The first nested block of a Terraform block list (blocks are lists, as in plan JSON),
# or a CloudFormation property object.
block(obj, key) := obj[key][0] if {
	is_array(obj[key])
	is_object(obj[key][0])
}

block(obj, key) := obj[key] if is_object(obj[key])

# The block, or {} when there is none, so that attribute defaults apply to it.
block_or_empty(obj, key) := b if b := block(obj, key)

block_or_empty(obj, key) := {} if not block(obj, key)

# Whether a nested block (or CloudFormation property) is present at all, or unknown.
has_block(obj, key) if {
	is_array(obj[key])
	count(obj[key]) > 0
}

has_block(obj, key) if {
	is_object(obj[key])
	count(obj[key]) > 0
}

# Whether a nested block's attribute (`versioning { enabled = ... }`) is itself unknown,
# or the whole block is: nothing can be concluded about it.
block_unknown(obj, key, _) if is_unknown(obj[key])

block_unknown(obj, key, attr) if is_unknown(block(obj, key)[attr])

# World-open CIDRs, IPv4 and IPv6.
# "*", "Internet" and "Any" are Azure's service tags for every source address.
world_cidrs := {"0.0.0.0/0", "::/0", "0::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0", "0.0.0.0", "*", "Internet", "internet", "any", "Any"}

is_world(cidr) if world_cidrs[cidr]

# Service tags in any case ("INTERNET", " Internet ") and every prefix of length 0,
# whatever its address part: "/0", "10.1.2.3/0" and "34.15.11.3/0" are the whole IPv4
# space (the provider masks host bits), "2001:db8::/0" the whole IPv6 space.
is_world(cidr) if {
	is_string(cidr)
	lower(trim_space(cidr)) in {"*", "internet", "any", "0.0.0.0"}
}

is_world(cidr) if {
	is_string(cidr)
	regex.match(`^\s*[0-9A-Fa-f:.]*/0+\s*$`, cidr)
}

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

all_protocols(protocol) if protocol in {"-1", -1, "all", "ALL", "All", "*"}

# A port specification as Azure and GCP write it ("22", "8000-8080", "*", 22) as a
# [from, to] range; undefined when it is unknown or malformed.
port_range(spec) := [0, 65535] if {
	is_string(spec)
	trim_space(spec) == "*"
}

port_range(spec) := [port, port] if port := number(spec)

port_range(spec) := [number(parts[0]), number(parts[1])] if {
	is_string(spec)
	parts := split(spec, "-")
	count(parts) == 2
}

# Every [from, to] range of a port specification that may list several, as Azure
# accepts in one string ("22,24", "21, 22 , 24 ", "20-25,3389"); the ranges of a list
# element that cannot be read are left out.
port_ranges(spec) := [range |
	some part in split(spec, ",")
	range := port_range(trim_space(part))
] if {
	is_string(spec)
	contains(spec, ",")
}

port_ranges(spec) := [range] if {
	not comma_list(spec)
	range := port_range(spec)
}

port_ranges(spec) := [] if {
	not comma_list(spec)
	not port_range(spec)
}

comma_list(spec) if {
	is_string(spec)
	contains(spec, ",")
}

# Whether a [from, to] range covers every port.
all_ports(range) if {
	range[0] <= 1
	range[1] >= 65535
}


# Tags (GCP: labels) as a flat object across shapes: Terraform `tags` / `labels` maps,
# CloudFormation Key/Value lists (and the Key -> Value maps some types use). Entries
# whose key is unknown are left out: check tags_unknown(r) before concluding that a tag
# is missing.
tags(r) := cfn_tags(r.values.Tags) if has_key(r.values, "Tags")

tags(r) := r.values.tags if {
	not has_key(r.values, "Tags")
	plain_tags(r.values)
}

tags(r) := object.union(known_map(r.values, "labels"), known_map(r.values, "tags")) if {
	not has_key(r.values, "Tags")
	not plain_tags(r.values)
	not own_tag_property(r)
}

# CloudFormation types that keep their tags under a property of their own: EFS a Key/Value
# list, Backup vaults and Cognito user pools a Key -> Value map.
cfn_tag_property := {
	"AWS::EFS::FileSystem": "FileSystemTags",
	"AWS::Backup::BackupVault": "BackupVaultTags",
	"AWS::Cognito::UserPool": "UserPoolTags",
}

# The property that holds resource `r`'s tags: `Tags`, or its type's own property.
tag_property(r) := object.get(cfn_tag_property, r.type, "Tags")

own_tag_property(r) if has_key(r.values, cfn_tag_property[r.type])

tags(r) := cfn_tags(r.values[cfn_tag_property[r.type]]) if {
	not has_key(r.values, "Tags")
	own_tag_property(r)
}

# The common case, read without further calls: a known `tags` map and no `labels`.
plain_tags(values) if {
	not has_key(values, "labels")
	is_object(values.tags)
	not values.tags.__unknown__
}

cfn_tags(list) := {t.Key: t.Value | some t in list; is_string(t.Key)} if is_array(list)

cfn_tags(obj) := obj if {
	is_object(obj)
	not is_unknown(obj)
}

cfn_tags(other) := {} if {
	not is_array(other)
	not is_object(other)
}

cfn_tags(other) := {} if is_unknown(other)

known_map(values, key) := values[key] if {
	is_object(values[key])
	not is_unknown(values[key])
}

known_map(values, key) := {} if not is_object(values[key])

known_map(values, key) := {} if is_unknown(values[key])

# True when the tags could hold anything: the whole map is unknown (`tags = var.tags`,
# `merge(local.tags, ...)` over an unknown), or a CloudFormation entry is an intrinsic.
tags_unknown(r) if r.values.tags.__unknown__

tags_unknown(r) if r.values.labels.__unknown__

tags_unknown(r) if is_unknown(r.values.Tags)

tags_unknown(r) if {
	some t in items(r.values.Tags)
	not is_string(t.Key)
}

tags_unknown(r) if is_unknown(r.values[cfn_tag_property[r.type]])

tags_unknown(r) if {
	some t in items(r.values[cfn_tag_property[r.type]])
	not is_string(t.Key)
}

# A tag's value, undefined when the tag is absent.
tag(r, key) := tags(r)[key]

# Keys by which resources of type `rtype` point, through attribute `attr`, at another
# resource: the target's address when the value is a reference (`aws_s3_bucket.b.id`,
# `!Ref B`), the literal value itself otherwise (a bucket name, an id).
# Assign the result to a rule in the policy (`configured := lib.pointers(...)`) so it is
# computed once, then test resources with `lib.pointed_at(r, configured, name_attr)`.
pointers(rtype, attr) := {key |
	some c in resources(rtype)
	some value in as_array(object.get(c.values, attr, []))
	some key in pointer_keys(c, value)
}

pointer_keys(c, value) := {scoped(c, reference_target(c, value))} if is_unknown(value)

# A pointer whose target cannot be told (`var.cluster`, a module output): kept as a key
# that matches no resource, so a policy can see that some setting points it knows not
# where (and may cover any resource).
pointer_keys(c, value) := {scoped(c, concat("", ["?", value.__unknown__]))} if {
	is_unknown(value)
	is_string(value.__unknown__)
	not reference_target(c, value)
}

pointer_keys(_, value) := {value} if is_string(value)

# Where a reference can point: within one Terraform root module (two environments that
# call one shared module each have their own `module.m.aws_s3_bucket.this`, and one's
# settings say nothing of the other's), within one CloudFormation template. Literal
# names (a bucket name) stay global, as they are in the cloud.
scope(r) := r.root if {
	is_string(r.root)
	r.root != ""
} else := r.file if {
	input.kind == "cloudformation"
} else := ""

# A resource address (or reference target) qualified by the scope of resource `r`.
scoped(r, address) := sprintf("%s|%s", [scope(r), address])

# The key of resource `r` itself, as pointer_keys gives it for a reference to `r`.
address_key(r) := scoped(r, base_address(r.address))

# The address part of a key (for messages).
key_address(key) := parts[count(parts) - 1] if parts := split(key, "|")

# Whether resource `r` is among `keys` (from pointers): by its address, or by the literal
# value of its attribute `name_attr` (the bucket name for S3).
pointed_at(r, keys, _) if keys[address_key(r)]

pointed_at(r, keys, name_attr) if {
	name := r.values[name_attr]
	is_string(name)
	keys[name]
}

# A CloudFormation DB instance in an Aurora cluster (it names its DBClusterIdentifier):
# storage encryption, deletion protection and log exports are the cluster's settings. A
# DBCluster's own DBClusterIdentifier is only its name.
rds_cluster_member(r) if {
	r.type == "AWS::RDS::DBInstance"
	is_set(r.values, "DBClusterIdentifier")
}

# Whether the scanned code turns on EBS encryption by default for the account and region
# (aws_ebs_encryption_by_default, whose `enabled` defaults to true): every new volume is
# then encrypted whatever its own setting says.
default aws_ebs_encrypted_by_default := false

aws_ebs_encrypted_by_default if {
	some r in managed("aws_ebs_encryption_by_default")
	not is_false(object.get(r.values, "enabled", true))
}

# A finding object in the shape iac-guard expects.
# `file` and `root` tell apart equal addresses in different root modules (two
# environments calling one shared module); `root` only where the input has one.
finding(r, msg, attribute) := object.union(
	{"msg": msg, "resource": r.address, "file": r.file, "attribute": attribute},
	root_of(r),
)

root_of(r) := {"root": r.root} if {
	is_string(r.root)
	r.root != ""
} else := {}

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# The elements of a list, and nothing for anything else (an unknown value, a string):
# Regorus raises an error when `some x in` meets a string, so iterate values through this.
items(value) := value if is_array(value)

items(value) := [] if not is_array(value)

# The directory of a file path ("" at the root): Terraform references resolve within
# one module directory.
dir(file) := concat("/", array.slice(parts, 0, count(parts) - 1)) if parts := split(file, "/")
