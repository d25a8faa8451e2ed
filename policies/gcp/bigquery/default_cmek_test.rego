package iac_guard.gcp.bigquery.default_cmek_test

import data.iac_guard.gcp.bigquery.default_cmek
import data.iac_guard.testing
import rego.v1

test_missing_default_key_is_denied if {
	default_cmek.deny == {{
		"msg": "BigQuery dataset google_bigquery_dataset.d has no default customer-managed encryption key",
		"resource": "google_bigquery_dataset.d",
		"file": "main.tf",
		"attribute": "default_encryption_configuration.0.kms_key_name",
	}} with input as testing.tf([testing.tf_resource("google_bigquery_dataset", "d", {"dataset_id": "d"})])
}

test_empty_key_is_denied if {
	testing.addresses(default_cmek.deny) == {"google_bigquery_dataset.a", "google_bigquery_dataset.b"} with input as testing.tf([
		testing.tf_resource("google_bigquery_dataset", "a", {"default_encryption_configuration": [{"kms_key_name": ""}]}),
		testing.tf_resource("google_bigquery_dataset", "b", {"default_encryption_configuration": [{"kms_key_name": null}]}),
	])
}

test_default_key_passes if {
	count(default_cmek.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_bigquery_dataset", "a", {"default_encryption_configuration": [{"kms_key_name": "projects/p/locations/eu/keyRings/r/cryptoKeys/k"}]}),
		testing.tf_resource("google_bigquery_dataset", "b", {"default_encryption_configuration": [{"kms_key_name": testing.unknown("google_kms_crypto_key.bq.id")}]}),
		testing.tf_resource("google_bigquery_dataset", "c", {"default_encryption_configuration": testing.unknown("local.enc")}),
	])
}
