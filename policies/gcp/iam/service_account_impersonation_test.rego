package iac_guard.gcp.iam.service_account_impersonation_test

import data.iac_guard.gcp.iam.service_account_impersonation
import data.iac_guard.testing
import rego.v1

test_project_sa_user_is_denied if {
	service_account_impersonation.deny == {{
		"msg": "google_project_iam_member.deployer grants roles/iam.serviceAccountUser to group:deployers@example.com on every service account below it",
		"resource": "google_project_iam_member.deployer",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_project_iam_member", "deployer", {"role": "roles/iam.serviceAccountUser", "member": "group:deployers@example.com"})])
}

test_every_form_is_denied if {
	testing.located(service_account_impersonation.deny) == {
		["google_project_iam_binding.b", "members"],
		["google_organization_iam_member.o", "member"],
		["google_folder_iam_policy.f", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_project_iam_binding", "b", {"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:a@example.com"]}),
		testing.tf_resource("google_organization_iam_member", "o", {"role": "roles/iam.serviceAccountUser", "member": "user:b@example.com"}),
		testing.tf_resource("google_folder_iam_policy", "f", {"policy_data": testing.unknown("data.google_iam_policy.f.policy_data")}),
		testing.tf_data("google_iam_policy", "f", {"binding": [{"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:c@example.com"]}]}),
	])
}

test_scoped_grants_pass if {
	count(service_account_impersonation.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_service_account_iam_member", "a", {"role": "roles/iam.serviceAccountUser", "member": "user:a@example.com"}),
		testing.tf_resource("google_project_iam_member", "b", {"role": "roles/iam.serviceAccountViewer", "member": "user:a@example.com"}),
		testing.tf_resource("google_project_iam_member", "c", {"role": testing.unknown("var.role"), "member": "user:a@example.com"}),
	])
}
