package iac_guard.gcp.iam.service_account_key_test

import data.iac_guard.gcp.iam.service_account_key
import data.iac_guard.testing
import rego.v1

test_key_is_denied if {
	service_account_key.deny == {{
		"msg": "google_service_account_key.ci creates a user-managed service account key",
		"resource": "google_service_account_key.ci",
		"file": "main.tf",
		"attribute": "service_account_id",
	}} with input as testing.tf([testing.tf_resource("google_service_account_key", "ci", {"service_account_id": testing.unknown("google_service_account.ci.name")})])
}

test_uploaded_key_is_denied if {
	testing.addresses(service_account_key.deny) == {"google_service_account_key.uploaded"} with input as testing.tf([testing.tf_resource("google_service_account_key", "uploaded", {"service_account_id": "sa", "public_key_data": "LS0t"})])
}

test_data_source_and_accounts_pass if {
	count(service_account_key.deny) == 0 with input as testing.tf([
		testing.tf_data("google_service_account_key", "existing", {"name": "projects/p/serviceAccounts/sa/keys/k"}),
		testing.tf_resource("google_service_account", "ci", {"account_id": "ci"}),
	])
}
