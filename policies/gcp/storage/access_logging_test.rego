package iac_guard.gcp.storage.access_logging_test

import data.iac_guard.gcp.storage.access_logging
import data.iac_guard.testing
import rego.v1

test_bucket_without_logging_is_denied if {
	access_logging.deny == {{
		"msg": "bucket google_storage_bucket.data does not log access",
		"resource": "google_storage_bucket.data",
		"file": "main.tf",
		"attribute": "logging",
	}} with input as testing.tf([testing.tf_resource("google_storage_bucket", "data", {"name": "data"})])
}

test_logged_bucket_and_log_target_pass if {
	count(access_logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "data", {"name": "data", "logging": [{"log_bucket": testing.unknown("google_storage_bucket.logs.name")}]}),
		testing.tf_resource("google_storage_bucket", "logs", {"name": "logs"}),
	])
}
