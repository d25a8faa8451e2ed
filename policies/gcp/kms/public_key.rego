# METADATA
# title: Cloud KMS key or key ring is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   A role on a crypto key or key ring granted to `allUsers` or `allAuthenticatedUsers`
#   lets anyone use, manage or read the key's metadata, depending on the role.
# related_resources:
#   - ref: https://cloud.google.com/kms/docs/iam
# custom:
#   id: IAC-GCP-KMS-002
#   severity: critical
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `google_kms_crypto_key_iam_*` and
#     `google_kms_key_ring_iam_*` (`member`, `members`, or the `google_iam_policy`
#     bindings given as `policy_data`).
#   frameworks: [CIS-GCP-1.9]
#   kinds: [terraform]
#   resource_types:
#     - google_kms_crypto_key_iam_member
#     - google_kms_crypto_key_iam_binding
#     - google_kms_crypto_key_iam_policy
#     - google_kms_key_ring_iam_member
#     - google_kms_key_ring_iam_binding
#     - google_kms_key_ring_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_kms_crypto_key_iam_member / _iam_binding / _iam_policy (data.google_iam_policy)
#     - google_kms_key_ring_iam_member / _iam_binding / _iam_policy
#   not_flagged:
#     - named principals and unknown members
package iac_guard.gcp.kms.public_key

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in ["google_kms_crypto_key", "google_kms_key_ring"]
	some g in gcp.public_grants(prefix)
}
