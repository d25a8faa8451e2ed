# METADATA
# title: Pub/Sub topic or subscription is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   A role on a topic or subscription granted to `allUsers` or `allAuthenticatedUsers`
#   lets anyone publish into it (injecting messages) or consume its messages.
# related_resources:
#   - ref: https://cloud.google.com/pubsub/docs/access-control
# custom:
#   id: IAC-GCP-PUBSUB-002
#   severity: critical
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `google_pubsub_topic_iam_*` and
#     `google_pubsub_subscription_iam_*` (`member`, `members`, or the `google_iam_policy`
#     bindings given as `policy_data`).
#   frameworks: []
#   kinds: [terraform]
#   resource_types:
#     - google_pubsub_topic_iam_member
#     - google_pubsub_topic_iam_binding
#     - google_pubsub_topic_iam_policy
#     - google_pubsub_subscription_iam_member
#     - google_pubsub_subscription_iam_binding
#     - google_pubsub_subscription_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_pubsub_topic_iam_member / _iam_binding / _iam_policy (data.google_iam_policy)
#     - google_pubsub_subscription_iam_member / _iam_binding / _iam_policy
#   not_flagged:
#     - named principals and unknown members
package iac_guard.gcp.pubsub.public_access

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in ["google_pubsub_topic", "google_pubsub_subscription"]
	some g in gcp.public_grants(prefix)
}
