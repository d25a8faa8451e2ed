# METADATA
# title: Cloud Storage bucket does not log access
# description: >-
#   Without usage logs (or Data Access audit logs) reads of sensitive objects cannot be
#   traced. Buckets that receive other buckets' logs are exempt.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/access-logs
# custom:
#   id: IAC-GCP-GCS-003
#   severity: low
#   remediation: 'Add `logging { log_bucket = google_storage_bucket.logs.name }` to the `google_storage_bucket`.'
#   kinds: [terraform]
#   forms:
#     - >-
#       a `google_storage_bucket` without a `logging` block
#   not_flagged:
#     - >-
#       buckets that receive other buckets' logs (named as a `log_bucket`)
package iac_guard.gcp.storage.access_logging

import data.iac_guard.lib
import rego.v1

log_buckets contains key if {
	some b in lib.resources("google_storage_bucket")
	some l in lib.items(b.values.logging)
	some key in lib.pointer_keys(b, l.log_bucket)
}

deny contains result if {
	some r in lib.managed("google_storage_bucket")
	not lib.has_block(r.values, "logging")
	not lib.pointed_at(r, log_buckets, "name")
	result := lib.finding(r, sprintf("bucket %s does not log access", [r.address]), "logging")
}
