# METADATA
# title: BigQuery dataset has no default customer-managed encryption key
# description: >-
#   Without a default Cloud KMS key, tables created in the dataset are encrypted with
#   Google-managed keys: you cannot revoke access to the data by disabling the key, nor
#   control its rotation.
# related_resources:
#   - ref: https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: IAC-GCP-BQ-002
#   severity: low
#   remediation: >-
#     Add `default_encryption_configuration { kms_key_name = google_kms_crypto_key.<key>.id }`
#     to `google_bigquery_dataset`.
#   frameworks: [CIS-GCP-7.3]
#   kinds: [terraform]
#   forms:
#     - google_bigquery_dataset default_encryption_configuration kms_key_name (missing block, "" or null count as unset)
#   not_flagged:
#     - google_bigquery_table encryption_configuration (tables inherit the dataset's default, judged here)
#     - unknown blocks or key names
package iac_guard.gcp.bigquery.default_cmek

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("BigQuery dataset %s has no default customer-managed encryption key", [r.address]), "default_encryption_configuration.0.kms_key_name") if {
	some r in lib.managed("google_bigquery_dataset")
	not lib.is_unknown(r.values.default_encryption_configuration)
	config := lib.block_or_empty(r.values, "default_encryption_configuration")
	not lib.is_unknown(config.kms_key_name)
	not set(config.kms_key_name)
}

set(v) if {
	is_string(v)
	v != ""
}
