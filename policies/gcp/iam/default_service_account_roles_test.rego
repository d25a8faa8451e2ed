package iac_guard.gcp.iam.default_service_account_roles_test

import data.iac_guard.gcp.iam.default_service_account_roles
import data.iac_guard.testing
import rego.v1

test_compute_default_account_is_denied if {
	default_service_account_roles.deny == {{
		"msg": "google_project_iam_member.gce grants roles/storage.admin to a default service account (serviceAccount:123456789012-compute@developer.gserviceaccount.com)",
		"resource": "google_project_iam_member.gce",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_project_iam_member", "gce", {"role": "roles/storage.admin", "member": "serviceAccount:123456789012-compute@developer.gserviceaccount.com"})])
}

test_every_form_is_denied if {
	testing.located(default_service_account_roles.deny) == {
		["google_project_iam_binding.appengine", "members"],
		["google_folder_iam_member.data_source", "member"],
		["google_project_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_project_iam_binding", "appengine", {"role": "roles/cloudsql.client", "members": ["serviceAccount:acme-prod@appspot.gserviceaccount.com"]}),
		testing.tf_resource("google_folder_iam_member", "data_source", {"role": "roles/viewer", "member": testing.unknown("\"serviceAccount:${data.google_compute_default_service_account.default.email}\"")}),
		testing.tf_resource("google_project_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.p.policy_data")}),
		testing.tf_data("google_iam_policy", "p", {"binding": [{"role": "roles/pubsub.editor", "members": ["serviceAccount:42-compute@developer.gserviceaccount.com"]}]}),
	])
}

test_dedicated_accounts_pass if {
	count(default_service_account_roles.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_project_iam_member", "a", {"role": "roles/storage.admin", "member": "serviceAccount:app@acme-prod.iam.gserviceaccount.com"}),
		testing.tf_resource("google_project_iam_member", "b", {"role": "roles/storage.admin", "member": testing.unknown("\"serviceAccount:${google_service_account.app.email}\"")}),
		testing.tf_resource("google_storage_bucket_iam_member", "c", {"role": "roles/storage.admin", "member": "serviceAccount:1-compute@developer.gserviceaccount.com"}),
	])
}
