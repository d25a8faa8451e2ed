package iac_guard.gcp.storage.public_bucket_test

import data.iac_guard.gcp.storage.public_bucket
import data.iac_guard.testing
import rego.v1

test_all_users_member_is_denied if {
	public_bucket.deny == {{
		"msg": "google_storage_bucket_iam_member.public grants access to allUsers",
		"resource": "google_storage_bucket_iam_member.public",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_storage_bucket_iam_member", "public", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "allUsers"})])
}

test_bindings_acls_and_policies_are_denied if {
	testing.located(public_bucket.deny) == {
		["google_storage_bucket_iam_binding.b", "members"],
		["google_storage_bucket_acl.acl", "role_entity"],
		["google_storage_object_acl.o", "predefined_acl"],
		["google_storage_bucket_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_storage_bucket_iam_binding", "b", {"members": ["user:a@example.com", "allAuthenticatedUsers"]}),
		testing.tf_resource("google_storage_bucket_acl", "acl", {"role_entity": ["OWNER:user-a@example.com", "READER:allUsers"]}),
		testing.tf_resource("google_storage_object_acl", "o", {"predefined_acl": "publicRead"}),
		testing.tf_resource("google_storage_bucket_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.public.policy_data")}),
		testing.tf_data("google_iam_policy", "public", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}),
	])
}

test_private_members_pass if {
	count(public_bucket.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_storage_bucket_iam_member", "a", {"member": "group:data@example.com"}),
		testing.tf_resource("google_storage_bucket_iam_member", "b", {"member": testing.unknown("var.member")}),
		testing.tf_resource("google_storage_bucket_acl", "c", {"role_entity": ["READER:group-data@example.com"], "predefined_acl": "private"}),
	])
}

test_single_acl_entries if {
	testing.located(public_bucket.deny) == {["google_storage_bucket_access_control.public", "entity"], ["google_storage_default_object_access_control.auth", "entity"]} with input as testing.tf([
		testing.tf_resource("google_storage_bucket_access_control", "public", {"bucket": "b", "role": "READER", "entity": "allUsers"}),
		testing.tf_resource("google_storage_default_object_access_control", "auth", {"bucket": "b", "role": "READER", "entity": "allAuthenticatedUsers"}),
		testing.tf_resource("google_storage_object_access_control", "team", {"bucket": "b", "object": "o", "role": "READER", "entity": "group-data@example.com"}),
	])
}
