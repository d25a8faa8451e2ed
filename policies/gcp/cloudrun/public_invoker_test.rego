package iac_guard.gcp.cloudrun.public_invoker_test

import data.iac_guard.gcp.cloudrun.public_invoker
import data.iac_guard.testing
import rego.v1

test_public_invoker_is_denied if {
	public_invoker.deny == {{
		"msg": "google_cloud_run_v2_service_iam_member.public grants roles/run.invoker to allUsers",
		"resource": "google_cloud_run_v2_service_iam_member.public",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_cloud_run_v2_service_iam_member", "public", {"name": "api", "role": "roles/run.invoker", "member": "allUsers"})])
}

test_every_form_is_denied if {
	testing.located(public_invoker.deny) == {
		["google_cloud_run_service_iam_binding.v1", "members"],
		["google_cloud_run_service_iam_policy.p", "policy_data"],
		["google_cloud_run_v2_job_iam_member.job", "member"],
	} with input as testing.tf([
		testing.tf_resource("google_cloud_run_service_iam_binding", "v1", {"role": "roles/run.invoker", "members": ["allUsers"]}),
		testing.tf_resource("google_cloud_run_service_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.noauth.policy_data")}),
		testing.tf_data("google_iam_policy", "noauth", {"binding": [{"role": "roles/run.invoker", "members": ["allUsers"]}]}),
		testing.tf_resource("google_cloud_run_v2_job_iam_member", "job", {"role": "roles/run.invoker", "member": "allAuthenticatedUsers"}),
	])
}

test_named_invokers_pass if {
	count(public_invoker.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_cloud_run_v2_service_iam_member", "a", {"role": "roles/run.invoker", "member": "serviceAccount:frontend@acme.iam.gserviceaccount.com"}),
		testing.tf_resource("google_cloud_run_service_iam_binding", "b", {"role": "roles/run.invoker", "members": [testing.unknown("var.member")]}),
	])
}
