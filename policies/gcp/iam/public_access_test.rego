package iac_guard.gcp.iam.public_access_test

import data.iac_guard.gcp.iam.public_access
import data.iac_guard.testing
import rego.v1

test_public_project_member_is_denied if {
	public_access.deny == {{
		"msg": "google_project_iam_member.public grants roles/viewer to allAuthenticatedUsers",
		"resource": "google_project_iam_member.public",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_project_iam_member", "public", {"role": "roles/viewer", "member": "allAuthenticatedUsers"})])
}

test_every_form_on_any_resource_is_denied if {
	testing.located(public_access.deny) == {
		["google_secret_manager_secret_iam_binding.s", "members"],
		["google_service_account_iam_member.sa", "member"],
		["google_compute_image_iam_policy.img", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_secret_manager_secret_iam_binding", "s", {"role": "roles/secretmanager.secretAccessor", "members": ["user:a@example.com", "allUsers"]}),
		testing.tf_resource("google_service_account_iam_member", "sa", {"role": "roles/iam.serviceAccountTokenCreator", "member": "allUsers"}),
		testing.tf_resource("google_compute_image_iam_policy", "img", {"policy_data": testing.unknown("data.google_iam_policy.public.policy_data")}),
		testing.tf_data("google_iam_policy", "public", {"binding": [{"role": "roles/compute.imageUser", "members": ["allAuthenticatedUsers"]}]}),
	])
}

test_named_members_and_covered_types_pass if {
	count(public_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_project_iam_member", "a", {"role": "roles/viewer", "member": "domain:example.com"}),
		testing.tf_resource("google_project_iam_binding", "b", {"role": "roles/viewer", "members": [testing.unknown("var.member")]}),
		testing.tf_resource("google_storage_bucket_iam_member", "c", {"role": "roles/storage.objectViewer", "member": "allUsers"}),
		testing.tf_resource("google_cloud_run_v2_service_iam_member", "d", {"role": "roles/run.invoker", "member": "allUsers"}),
	])
}

test_public_member_in_json_policy_data_is_denied if {
	testing.located(public_access.deny) == {["google_service_account_iam_policy.json", "policy_data"]} with input as testing.tf([testing.tf_resource("google_service_account_iam_policy", "json", {"policy_data": "{\"bindings\": [{\"role\": \"roles/iam.serviceAccountUser\", \"members\": [\"allUsers\"]}]}"})])
}
