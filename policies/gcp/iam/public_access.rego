# METADATA
# title: IAM grants a role to allUsers or allAuthenticatedUsers
# description: >-
#   `allUsers` is anyone on the internet and `allAuthenticatedUsers` any Google account
#   (not only your organization's); a role granted to either on a project, folder,
#   organization, service account, secret, image or any other resource makes it public.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/principal-identifiers#allusers
# custom:
#   id: IAC-GCP-IAM-004
#   severity: critical
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `member` / `members` of every
#     `google_*_iam_member` / `google_*_iam_binding`, and from the `binding` blocks of the
#     `google_iam_policy` data source given to a `google_*_iam_policy`; grant roles to named
#     users, groups, service accounts or domains.
#   frameworks: []
#   kinds: [terraform]
#   resource_types:
#     - google_*_iam_member
#     - google_*_iam_binding
#     - google_*_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - any google_*_iam_member (member) and google_*_iam_binding (members)
#     - any google_*_iam_policy with policy_data from data.google_iam_policy binding blocks
#   not_flagged:
#     - types with their own public-access policy, reported there instead (storage buckets and objects IAC-GCP-GCS-001, BigQuery datasets and tables IAC-GCP-BQ-001, Pub/Sub IAC-GCP-PUBSUB-002, KMS IAC-GCP-KMS-002, Cloud Functions IAC-GCP-FUNC-001, Cloud Run IAC-GCP-RUN-001)
#     - named principals (domain, group, user, serviceAccount) and unknown members
package iac_guard.gcp.iam.public_access

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

# Families judged by a service-specific policy.
covered := {
	"google_storage_bucket", "google_bigquery_dataset", "google_bigquery_table",
	"google_pubsub_topic", "google_pubsub_subscription", "google_kms_crypto_key",
	"google_kms_key_ring", "google_cloudfunctions_function", "google_cloudfunctions2_function",
	"google_cloud_run_service", "google_cloud_run_v2_service", "google_cloud_run_v2_job",
}

families contains prefix if {
	some t, _ in lib.by_type
	some suffix in ["_iam_member", "_iam_binding", "_iam_policy"]
	endswith(t, suffix)
	prefix := trim_suffix(t, suffix)
	not covered[prefix]
}

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in families
	some g in gcp.public_grants(prefix)
}
