# METADATA
# title: Cloud Function can be invoked by allUsers or allAuthenticatedUsers
# description: >-
#   A role on a function granted to `allUsers` or `allAuthenticatedUsers` lets anyone on
#   the internet (or any Google account) call it, with whatever permissions its service
#   account holds.
# related_resources:
#   - ref: https://cloud.google.com/functions/docs/securing/managing-access-iam
# custom:
#   id: IAC-GCP-FUNC-001
#   severity: high
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `google_cloudfunctions_function_iam_*`
#     and `google_cloudfunctions2_function_iam_*`; grant `roles/cloudfunctions.invoker` to
#     named service accounts or users, and put public endpoints behind API Gateway or a
#     load balancer with authentication.
#   frameworks: []
#   kinds: [terraform]
#   resource_types:
#     - google_cloudfunctions_function_iam_member
#     - google_cloudfunctions_function_iam_binding
#     - google_cloudfunctions_function_iam_policy
#     - google_cloudfunctions2_function_iam_member
#     - google_cloudfunctions2_function_iam_binding
#     - google_cloudfunctions2_function_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_cloudfunctions_function_iam_member / _iam_binding / _iam_policy (data.google_iam_policy), any role
#     - google_cloudfunctions2_function_iam_member / _iam_binding / _iam_policy
#   not_flagged:
#     - 2nd gen functions made public through the underlying Cloud Run service (reported by IAC-GCP-RUN-001)
#     - named principals and unknown members
package iac_guard.gcp.cloudfunctions.public_invoker

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in ["google_cloudfunctions_function", "google_cloudfunctions2_function"]
	some g in gcp.public_grants(prefix)
}
