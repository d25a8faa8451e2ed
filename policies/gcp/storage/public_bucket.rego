# METADATA
# title: Cloud Storage bucket is readable by anyone
# description: >-
#   Granting a role on a bucket (or its objects) to `allUsers` or
#   `allAuthenticatedUsers`, through IAM or ACLs, publishes its data to the internet or
#   to every Google account.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/access-control/making-data-public
# custom:
#   id: IAC-GCP-GCS-001
#   severity: critical
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `member` / `members` of
#     `google_storage_bucket_iam_*` and from `role_entity` of the ACL resources, drop
#     public `predefined_acl` values, and set `public_access_prevention = "enforced"` on the
#     bucket.
#   frameworks: [CIS-GCP-5.1]
#   kinds: [terraform]
#   forms:
#     - >-
#       `allUsers` / `allAuthenticatedUsers` in `google_storage_bucket_iam_member`,
#       `google_storage_bucket_iam_binding` members, bucket/object/default object ACL
#       `role_entity` lists, single `google_storage_bucket_access_control`,
#       `google_storage_object_access_control` and
#       `google_storage_default_object_access_control` entries (`entity`),
#       `predefined_acl` publicRead/publicReadWrite, and `google_storage_bucket_iam_policy`
#       built from a `google_iam_policy` data source
#   not_flagged:
#     - >-
#       public access prevention (`public_access_prevention = "enforced"`) is not taken as
#       an exemption: the grant is the bad setting
package iac_guard.gcp.storage.public_bucket

import data.iac_guard.lib
import rego.v1

public_members := {"allUsers", "allAuthenticatedUsers"}

message(r, who) := sprintf("%s grants access to %s", [r.address, who])

deny contains lib.finding(r, message(r, r.values.member), "member") if {
	some r in lib.managed("google_storage_bucket_iam_member")
	public_members[r.values.member]
}

deny contains lib.finding(r, message(r, member), "members") if {
	some r in lib.managed("google_storage_bucket_iam_binding")
	some member in lib.items(r.values.members)
	public_members[member]
}

deny contains lib.finding(r, message(r, entity), "role_entity") if {
	some rtype in ["google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"]
	some r in lib.managed(rtype)
	some role_entity in lib.items(r.values.role_entity)
	is_string(role_entity)
	entity := substring(role_entity, indexof(role_entity, ":") + 1, -1)
	public_members[entity]
}

deny contains lib.finding(r, message(r, sprintf("everyone (predefined_acl %s)", [r.values.predefined_acl])), "predefined_acl") if {
	some rtype in ["google_storage_bucket_acl", "google_storage_object_acl"]
	some r in lib.managed(rtype)
	r.values.predefined_acl in {"publicRead", "publicReadWrite"}
}

# Single ACL entries: google_storage_bucket_access_control, and the object and default
# object forms, whose `entity` is allUsers / allAuthenticatedUsers.
deny contains lib.finding(r, message(r, r.values.entity), "entity") if {
	some rtype in ["google_storage_bucket_access_control", "google_storage_object_access_control", "google_storage_default_object_access_control"]
	some r in lib.managed(rtype)
	public_members[r.values.entity]
}

# google_storage_bucket_iam_policy whose policy_data comes from a data.google_iam_policy
# with a public member.
public_policies contains key if {
	some d in lib.resources("google_iam_policy")
	some binding in lib.items(d.values.binding)
	some member in lib.items(binding.members)
	public_members[member]
	key := lib.address_key(d)
}

deny contains lib.finding(r, message(r, "allUsers or allAuthenticatedUsers"), "policy_data") if {
	some r in lib.managed("google_storage_bucket_iam_policy")
	some key in lib.pointer_keys(r, r.values.policy_data)
	public_policies[key]
}
