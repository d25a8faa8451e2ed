package iac_guard.gcp.cloudfunctions.public_invoker_test

import data.iac_guard.gcp.cloudfunctions.public_invoker
import data.iac_guard.testing
import rego.v1

test_public_invoker_is_denied if {
	public_invoker.deny == {{
		"msg": "google_cloudfunctions_function_iam_member.invoker grants roles/cloudfunctions.invoker to allUsers",
		"resource": "google_cloudfunctions_function_iam_member.invoker",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_cloudfunctions_function_iam_member", "invoker", {"cloud_function": "hook", "role": "roles/cloudfunctions.invoker", "member": "allUsers"})])
}

test_every_form_is_denied if {
	testing.located(public_invoker.deny) == {
		["google_cloudfunctions2_function_iam_binding.b", "members"],
		["google_cloudfunctions_function_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_cloudfunctions2_function_iam_binding", "b", {"role": "roles/cloudfunctions.invoker", "members": ["allAuthenticatedUsers"]}),
		testing.tf_resource("google_cloudfunctions_function_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.fn.policy_data")}),
		testing.tf_data("google_iam_policy", "fn", {"binding": [{"role": "roles/cloudfunctions.invoker", "members": ["allUsers"]}]}),
	])
}

test_named_invokers_pass if {
	count(public_invoker.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_cloudfunctions_function_iam_member", "a", {"role": "roles/cloudfunctions.invoker", "member": "serviceAccount:scheduler@acme.iam.gserviceaccount.com"}),
		testing.tf_resource("google_cloudfunctions2_function_iam_member", "b", {"role": "roles/cloudfunctions.invoker", "member": testing.unknown("var.member")}),
	])
}
