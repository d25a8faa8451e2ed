package iac_guard.gcp.iam.basic_roles_test

import data.iac_guard.gcp.iam.basic_roles
import data.iac_guard.testing
import rego.v1

test_project_owner_member_is_denied if {
	basic_roles.deny == {{
		"msg": "google_project_iam_member.owner grants the basic role roles/owner to user:alice@example.com",
		"resource": "google_project_iam_member.owner",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_project_iam_member", "owner", {"project": "acme", "role": "roles/owner", "member": "user:alice@example.com"})])
}

test_every_form_is_denied if {
	testing.located(basic_roles.deny) == {
		["google_project_iam_binding.editors", "members"],
		["google_folder_iam_member.f", "member"],
		["google_organization_iam_binding.o", "members"],
		["google_project_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_project_iam_binding", "editors", {"role": "roles/editor", "members": ["group:devs@example.com"]}),
		testing.tf_resource("google_folder_iam_member", "f", {"role": "roles/editor", "member": testing.unknown("\"serviceAccount:${google_service_account.ci.email}\"")}),
		testing.tf_resource("google_organization_iam_binding", "o", {"role": "roles/owner", "members": ["user:root@example.com"]}),
		testing.tf_resource("google_project_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.admin.policy_data")}),
		testing.tf_data("google_iam_policy", "admin", {"binding": [{"role": "roles/viewer", "members": ["user:a@example.com"]}, {"role": "roles/owner", "members": ["user:b@example.com"]}]}),
	])
}

test_predefined_roles_pass if {
	count(basic_roles.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_project_iam_member", "a", {"role": "roles/viewer", "member": "user:alice@example.com"}),
		testing.tf_resource("google_project_iam_binding", "b", {"role": "roles/storage.admin", "members": ["group:ops@example.com"]}),
		testing.tf_resource("google_project_iam_member", "c", {"role": testing.unknown("var.role"), "member": "user:alice@example.com"}),
		testing.tf_resource("google_storage_bucket_iam_member", "d", {"role": "roles/owner", "member": "user:alice@example.com"}),
		testing.tf_resource("google_project_iam_policy", "e", {"policy_data": testing.unknown("data.google_iam_policy.ok.policy_data")}),
		testing.tf_data("google_iam_policy", "ok", {"binding": [{"role": "roles/viewer", "members": ["user:a@example.com"]}]}),
	])
}

test_policy_data_as_json_text_is_denied if {
	testing.located(basic_roles.deny) == {["google_project_iam_policy.json", "policy_data"]} with input as testing.tf([
		testing.tf_resource("google_project_iam_policy", "json", {"policy_data": "{\"bindings\": [{\"role\": \"roles/viewer\", \"members\": [\"user:a@example.com\"]}, {\"role\": \"roles/editor\", \"members\": [\"user:b@example.com\"]}]}"}),
		testing.tf_resource("google_project_iam_policy", "not_json", {"policy_data": "not json"}),
	])
}
