# Helpers shared by the Google Cloud policies. Import with
# `import data.iac_guard.lib_gcp as gcp`. (No deny rules: not a policy itself.)
package iac_guard.lib_gcp

import data.iac_guard.lib
import rego.v1

# Principals that stand for everyone on the internet or every Google account.
public_members := {"allUsers", "allAuthenticatedUsers"}

# The IAM grants made on resources of a family (`google_kms_crypto_key`,
# `google_project`), in each of the provider's three forms, as
# [resource, attribute, member, role] (role null when unknown):
#   <prefix>_iam_member  (member = "...")
#   <prefix>_iam_binding (members = [...])
#   <prefix>_iam_policy  (policy_data from a data.google_iam_policy's bindings, or JSON
#                         text with a "bindings" list)
# Members are strings or unknown values (see member).
grants(prefix) := ((member_grants(prefix) | binding_grants(prefix)) | policy_grants(prefix)) | json_policy_grants(prefix)

member_grants(prefix) := {[r, "member", r.values.member, role(r.values)] |
	some r in lib.managed(sprintf("%s_iam_member", [prefix]))
	member(r.values.member)
}

binding_grants(prefix) := {[r, "members", m, role(r.values)] |
	some r in lib.managed(sprintf("%s_iam_binding", [prefix]))
	some m in lib.items(r.values.members)
	member(m)
}

policy_grants(prefix) := {[r, "policy_data", m, role(b)] |
	some r in lib.managed(sprintf("%s_iam_policy", [prefix]))
	some key in lib.pointer_keys(r, r.values.policy_data)
	some b in policy_bindings[key]
	some m in lib.items(b.members)
	member(m)
}

# policy_data written as JSON text (a heredoc, or jsonencode of known values) rather than
# a data source: its "bindings" list.
json_policy_grants(prefix) := {[r, "policy_data", m, role(b)] |
	some r in lib.managed(sprintf("%s_iam_policy", [prefix]))
	is_string(r.values.policy_data)
	json.is_valid(r.values.policy_data)
	doc := json.unmarshal(r.values.policy_data)
	is_object(doc)
	some b in lib.items(doc.bindings)
	is_object(b)
	some m in lib.items(b.members)
	member(m)
}

# A member as written: a string, or an unknown value (an interpolated email), which
# policies may inspect through lib.unknown_source.
member(m) if is_string(m)

member(m) if lib.is_unknown(m)

# The `binding` blocks of each data.google_iam_policy, by its address key.
policy_bindings[key] := [b | some b in lib.items(d.values.binding); is_object(b)] if {
	some d in lib.resources("google_iam_policy")
	key := lib.address_key(d)
}

role(obj) := obj.role if is_string(obj.role)

role(obj) := null if not is_string(obj.role)

# The grants to allUsers / allAuthenticatedUsers on a family of resources.
public_grants(prefix) := {g | some g in grants(prefix); public_members[g[2]]}

# The message for a public grant.
public_message(g) := sprintf("%s grants %s to %s", [g[0].address, role_name(g[3]), g[2]])

role_name(r) := r if is_string(r)

role_name(r) := "a role" if not is_string(r)

# A value in a GCE metadata map (`metadata = { enable-oslogin = "TRUE" }`), as a
# lower-case string ("true", "false", "1", "0"); undefined when absent or unknown.
metadata_value(metadata, key) := lower(metadata[key]) if is_string(metadata[key])

metadata_value(metadata, key) := "true" if metadata[key] == true

metadata_value(metadata, key) := "false" if metadata[key] == false

metadata_value(metadata, key) := format_int(metadata[key], 10) if is_number(metadata[key])

truthy(v) if v in {"true", "1", "yes", "on", "y"}

falsy(v) if v in {"false", "0", "no", "off", "n"}

# A duration in seconds from the provider's "7776000s" strings; undefined otherwise.
seconds(value) := to_number(trim_suffix(value, "s")) if {
	is_string(value)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, value)
}

# The names a resource refers to in a reference or interpolation of its `attr`
# (`"storage.googleapis.com/${google_storage_bucket.logs.name}"` names
# google_storage_bucket.logs), as scoped address keys.
referenced(r, value, rtype) := {lib.scoped(r, lib.module_prefixed(r.module, m)) |
	src := lib.unknown_source(value)
	is_string(src)
	some m in regex.find_n(sprintf(`%s\.[A-Za-z_][A-Za-z0-9_-]*`, [rtype]), src, -1)
}

# GKE clusters that are not Autopilot (or whose mode is unknown: then nothing is said).
standard_clusters contains r if {
	some r in lib.managed("google_container_cluster")
	lib.false_or_missing(r.values, "enable_autopilot")
}

autopilot(r) if lib.is_true(r.values.enable_autopilot)

# GKE node pools, in each form, as [resource, attribute prefix, pool object] where the
# pool object holds `node_config` and `management`:
#   google_container_node_pool                         prefix ""
#   google_container_cluster { node_pool { ... } }     prefix "node_pool.N."
#   google_container_cluster { node_config { ... } }   prefix "" (the default pool: only
#     when the cluster declares no node_pool block and keeps its default pool)
node_pools contains [r, "", r.values] if some r in lib.managed("google_container_node_pool")

node_pools contains [r, sprintf("node_pool.%d.", [i]), p] if {
	some r in standard_clusters
	some i, p in lib.items(r.values.node_pool)
	is_object(p)
}

node_pools contains [r, "", r.values] if {
	some r in standard_clusters
	default_pool(r)
}

default_pool(r) if {
	not lib.is_unknown(r.values.node_pool)
	count(lib.items(object.get(r.values, "node_pool", []))) == 0
	lib.false_or_missing(r.values, "remove_default_node_pool")
}

# A service account setting that means the Compute Engine default service account:
# unset, "", "default", or its literal <project number>-compute@developer address.
default_compute_account(sa) if sa == null

default_compute_account(sa) if sa == ""

default_compute_account(sa) if sa == "default"

default_compute_account(sa) if {
	is_string(sa)
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, sa)
}

# Compute Engine VMs and the templates that create them (same schema for what the
# policies read).
instance_types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

instances contains r if {
	some t in instance_types
	some r in lib.managed(t)
}

# Project-wide metadata values set in the scanned code, as [resource, attribute, key,
# lower-case value]: from google_compute_project_metadata (its `metadata` map) and
# google_compute_project_metadata_item (`key` / `value`). Unknown values are left out.
project_metadata contains [r, sprintf("metadata.%s", [key]), key, metadata_value(r.values.metadata, key)] if {
	some r in lib.managed("google_compute_project_metadata")
	is_object(r.values.metadata)
	some key, _ in r.values.metadata
}

project_metadata contains [r, "value", key, metadata_value(r.values, "value")] if {
	some r in lib.managed("google_compute_project_metadata_item")
	key := r.values.key
	is_string(key)
}

# Whether the scanned code turns OS Login on for the whole project.
default project_oslogin := false

project_oslogin if {
	some [_, _, "enable-oslogin", v] in project_metadata
	truthy(v)
}

# Whether a service_account block carries the cloud-platform scope (full API access).
full_access(sa) if {
	some scope in lib.items(sa.scopes)
	scope in {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}
}

# The resource families of the resource hierarchy, where a grant reaches everything below.
hierarchy := ["google_project", "google_folder", "google_organization"]

# A member for messages: the string, or the expression that gives it.
member_name(m) := m if is_string(m)

member_name(m) := lib.unknown_source(m) if lib.is_unknown(m)

# Cloud SQL instances of an engine ("MYSQL", "POSTGRES", "SQLSERVER") with known
# settings, as [resource, settings].
sql_instances(engine) := {[r, settings] |
	some r in lib.managed("google_sql_database_instance")
	is_string(r.values.database_version)
	startswith(upper(r.values.database_version), engine)
	settings := lib.block(r.values, "settings")
	not lib.is_unknown(settings)
}

# The database flag `name` of a settings block, as [index, lower-case value]; undefined
# when absent or unknown.
sql_flag(settings, name) := [i, lower(flag.value)] if {
	some i, flag in lib.items(settings.database_flags)
	flag.name == name
	is_string(flag.value)
}

# Whether a database flag in a settings block is on ("on", "true", "1").
sql_flag_on(settings, name) if {
	[_, v] := sql_flag(settings, name)
	truthy(v)
}

# Whether nothing can be said about a database flag's presence: the flag list is unknown,
# an entry's name is unknown, or the flag's own entry has an unknown value.
sql_flags_unknown(settings, _) if lib.is_unknown(settings.database_flags)

sql_flags_unknown(settings, _) if {
	some flag in lib.items(settings.database_flags)
	lib.is_unknown(flag.name)
}

sql_flags_unknown(settings, _) if {
	some flag in lib.items(settings.database_flags)
	not is_object(flag)
}

sql_flags_unknown(settings, name) if {
	some flag in lib.items(settings.database_flags)
	flag.name == name
	not is_string(flag.value)
}
