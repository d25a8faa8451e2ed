package iac_guard.gcp.bigquery.public_dataset_test

import data.iac_guard.gcp.bigquery.public_dataset
import data.iac_guard.testing
import rego.v1

test_public_access_block_is_denied if {
	public_dataset.deny == {{
		"msg": "BigQuery dataset google_bigquery_dataset.d grants access to allAuthenticatedUsers",
		"resource": "google_bigquery_dataset.d",
		"file": "main.tf",
		"attribute": "access.1.special_group",
	}} with input as testing.tf([testing.tf_resource("google_bigquery_dataset", "d", {"access": [{"role": "OWNER", "special_group": "projectOwners"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}]})])
}

test_every_form_is_denied if {
	testing.located(public_dataset.deny) == {
		["google_bigquery_dataset.iam_member", "access.0.iam_member"],
		["google_bigquery_dataset_access.a", "iam_member"],
		["google_bigquery_dataset_iam_binding.b", "members"],
		["google_bigquery_table_iam_member.t", "member"],
		["google_bigquery_dataset_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_bigquery_dataset", "iam_member", {"access": [{"role": "READER", "iam_member": "allUsers"}]}),
		testing.tf_resource("google_bigquery_dataset_access", "a", {"dataset_id": "d", "role": "READER", "iam_member": "allUsers"}),
		testing.tf_resource("google_bigquery_dataset_iam_binding", "b", {"role": "roles/bigquery.dataViewer", "members": ["allAuthenticatedUsers"]}),
		testing.tf_resource("google_bigquery_table_iam_member", "t", {"role": "roles/bigquery.dataViewer", "member": "allUsers"}),
		testing.tf_resource("google_bigquery_dataset_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.bq.policy_data")}),
		testing.tf_data("google_iam_policy", "bq", {"binding": [{"role": "roles/bigquery.dataViewer", "members": ["allUsers"]}]}),
	])
}

test_private_access_passes if {
	count(public_dataset.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_bigquery_dataset", "a", {"access": [{"role": "OWNER", "special_group": "projectOwners"}, {"role": "READER", "domain": "example.com"}, {"role": "READER", "group_by_email": "analysts@example.com"}]}),
		testing.tf_resource("google_bigquery_dataset_access", "b", {"special_group": "projectReaders", "role": "READER"}),
		testing.tf_resource("google_bigquery_dataset_iam_member", "c", {"role": "roles/bigquery.dataViewer", "member": testing.unknown("var.member")}),
		testing.tf_resource("google_bigquery_dataset", "d", {"access": testing.unknown("local.access")}),
	])
}
