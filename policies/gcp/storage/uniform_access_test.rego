package iac_guard.gcp.storage.uniform_access_test

import data.iac_guard.gcp.storage.uniform_access
import data.iac_guard.testing
import rego.v1

test_fine_grained_bucket_is_denied if {
	uniform_access.deny == {{
		"msg": "bucket google_storage_bucket.b does not enforce uniform bucket-level access",
		"resource": "google_storage_bucket.b",
		"file": "main.tf",
		"attribute": "uniform_bucket_level_access",
	}} with input as testing.tf([testing.tf_resource("google_storage_bucket", "b", {"name": "b", "location": "EU"})])
}

test_uniform_or_unknown_pass if {
	count(uniform_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "a", {"uniform_bucket_level_access": true}),
		testing.tf_resource("google_storage_bucket", "b", {"uniform_bucket_level_access": testing.unknown("var.uniform")}),
	])
}
