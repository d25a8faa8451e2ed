# METADATA
# title: Storage bucket receiving exported logs has no locked retention policy
# description: >-
#   Logs exported to a bucket can be deleted or overwritten by anyone with write access
#   unless a retention policy is set and locked (Bucket Lock), which defeats their use as
#   an audit trail after a compromise.
# related_resources:
#   - ref: https://cloud.google.com/logging/docs/export/configure_export_v2#destination-permissions
#   - ref: https://cloud.google.com/storage/docs/bucket-lock
# custom:
#   id: IAC-GCP-LOG-002
#   severity: medium
#   remediation: >-
#     Add `retention_policy { retention_period = <seconds> is_locked = true }` to the
#     `google_storage_bucket` named in the `destination` of a `google_logging_*_sink`.
#   frameworks: [CIS-GCP-2.3]
#   kinds: [terraform]
#   forms:
#     - google_logging_project_sink / folder / organization / billing_account sinks with destination "storage.googleapis.com/<bucket>"
#     - the bucket named literally or through an interpolated reference (`${google_storage_bucket.logs.name}`)
#     - retention_policy missing, or is_locked missing / false
#   not_flagged:
#     - destination buckets not managed in the scanned code, and sinks to BigQuery, Pub/Sub or log buckets
#     - unknown retention_policy blocks or is_locked values
package iac_guard.gcp.logging.sink_bucket_lock

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

prefix := "storage.googleapis.com/"

sink_types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink"]

# Keys of the buckets that sinks write to: a bucket name, or an address key.
destinations contains name if {
	some t in sink_types
	some s in lib.managed(t)
	is_string(s.values.destination)
	startswith(s.values.destination, prefix)
	name := substring(s.values.destination, count(prefix), -1)
}

destinations contains key if {
	some t in sink_types
	some s in lib.managed(t)
	src := lib.unknown_source(s.values.destination)
	is_string(src)
	contains(src, prefix)
	some key in gcp.referenced(s, s.values.destination, "google_storage_bucket")
}

deny contains lib.finding(r, sprintf("Log export bucket %s has no locked retention policy", [r.address]), "retention_policy.0.is_locked") if {
	some r in lib.managed("google_storage_bucket")
	lib.pointed_at(r, destinations, "name")
	not lib.is_unknown(r.values.retention_policy)
	policy := lib.block_or_empty(r.values, "retention_policy")
	lib.false_or_missing(policy, "is_locked")
}
