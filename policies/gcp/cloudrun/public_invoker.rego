# METADATA
# title: Cloud Run service can be invoked by allUsers or allAuthenticatedUsers
# description: >-
#   Granting `roles/run.invoker` (or any role) on a service to `allUsers` or
#   `allAuthenticatedUsers` makes it callable without authentication (or by any Google
#   account), with whatever permissions its service account holds.
# related_resources:
#   - ref: https://cloud.google.com/run/docs/authenticating/public
# custom:
#   id: IAC-GCP-RUN-001
#   severity: high
#   remediation: >-
#     Remove `allUsers` / `allAuthenticatedUsers` from `google_cloud_run_service_iam_*` and
#     `google_cloud_run_v2_service_iam_*` (and `_v2_job_iam_*`); grant `roles/run.invoker` to
#     named principals, or front a public site with a load balancer and IAP.
#   frameworks: []
#   kinds: [terraform]
#   resource_types:
#     - google_cloud_run_service_iam_member
#     - google_cloud_run_service_iam_binding
#     - google_cloud_run_service_iam_policy
#     - google_cloud_run_v2_service_iam_member
#     - google_cloud_run_v2_service_iam_binding
#     - google_cloud_run_v2_service_iam_policy
#     - google_cloud_run_v2_job_iam_member
#     - google_cloud_run_v2_job_iam_binding
#     - google_cloud_run_v2_job_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_cloud_run_service_iam_member / _iam_binding / _iam_policy (data.google_iam_policy)
#     - google_cloud_run_v2_service_iam_* and google_cloud_run_v2_job_iam_*
#   not_flagged:
#     - services whose invoker check is disabled with invoker_iam_disabled (not judged)
#     - named principals and unknown members
package iac_guard.gcp.cloudrun.public_invoker

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in ["google_cloud_run_service", "google_cloud_run_v2_service", "google_cloud_run_v2_job"]
	some g in gcp.public_grants(prefix)
}
