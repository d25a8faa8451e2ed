package iac_guard.gcp.logging.sink_bucket_lock_test

import data.iac_guard.gcp.logging.sink_bucket_lock
import data.iac_guard.testing
import rego.v1

test_referenced_bucket_without_lock_is_denied if {
	sink_bucket_lock.deny == {{
		"msg": "Log export bucket google_storage_bucket.logs has no locked retention policy",
		"resource": "google_storage_bucket.logs",
		"file": "main.tf",
		"attribute": "retention_policy.0.is_locked",
	}} with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "logs", {"name": testing.unknown("\"${var.project}-logs\"")}),
		testing.tf_resource("google_logging_project_sink", "all", {"destination": testing.unknown("\"storage.googleapis.com/${google_storage_bucket.logs.name}\"")}),
	])
}

test_literal_names_and_other_sinks_are_denied if {
	testing.located(sink_bucket_lock.deny) == {
		["google_storage_bucket.org_logs", "retention_policy.0.is_locked"],
		["google_storage_bucket.unlocked", "retention_policy.0.is_locked"],
	} with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "org_logs", {"name": "acme-org-logs"}),
		testing.tf_resource("google_logging_organization_sink", "org", {"destination": "storage.googleapis.com/acme-org-logs"}),
		testing.tf_resource("google_storage_bucket", "unlocked", {"name": "acme-folder-logs", "retention_policy": [{"retention_period": 31536000, "is_locked": false}]}),
		testing.tf_resource("google_logging_folder_sink", "f", {"destination": "storage.googleapis.com/acme-folder-logs"}),
	])
}

test_locked_or_unrelated_buckets_pass if {
	count(sink_bucket_lock.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "locked", {"name": "acme-logs", "retention_policy": [{"retention_period": 31536000, "is_locked": true}]}),
		testing.tf_resource("google_logging_project_sink", "a", {"destination": "storage.googleapis.com/acme-logs"}),
		testing.tf_resource("google_storage_bucket", "data", {"name": "acme-data"}),
		testing.tf_resource("google_logging_project_sink", "bq", {"destination": "bigquery.googleapis.com/projects/p/datasets/logs"}),
		testing.tf_resource("google_storage_bucket", "unknown", {"name": "acme-x", "retention_policy": testing.unknown("local.retention")}),
		testing.tf_resource("google_logging_project_sink", "x", {"destination": "storage.googleapis.com/acme-x"}),
	])
}
