package iac_guard.gcp.pubsub.public_access_test

import data.iac_guard.gcp.pubsub.public_access
import data.iac_guard.testing
import rego.v1

test_public_publisher_is_denied if {
	public_access.deny == {{
		"msg": "google_pubsub_topic_iam_member.pub grants roles/pubsub.publisher to allUsers",
		"resource": "google_pubsub_topic_iam_member.pub",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_pubsub_topic_iam_member", "pub", {"topic": "orders", "role": "roles/pubsub.publisher", "member": "allUsers"})])
}

test_every_form_is_denied if {
	testing.located(public_access.deny) == {
		["google_pubsub_subscription_iam_binding.sub", "members"],
		["google_pubsub_topic_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_pubsub_subscription_iam_binding", "sub", {"role": "roles/pubsub.subscriber", "members": ["allAuthenticatedUsers"]}),
		testing.tf_resource("google_pubsub_topic_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.pubsub.policy_data")}),
		testing.tf_data("google_iam_policy", "pubsub", {"binding": [{"role": "roles/pubsub.publisher", "members": ["allUsers"]}]}),
	])
}

test_named_members_pass if {
	count(public_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_pubsub_topic_iam_member", "a", {"role": "roles/pubsub.publisher", "member": "serviceAccount:app@acme.iam.gserviceaccount.com"}),
		testing.tf_resource("google_pubsub_subscription_iam_member", "b", {"role": "roles/pubsub.subscriber", "member": testing.unknown("var.member")}),
	])
}
