# METADATA
# title: Service Account User or Token Creator granted on a whole project, folder or organization
# description: >-
#   Granted at project (or folder / organization) level, Service Account User and
#   Service Account Token Creator let the principal act as every service account there,
#   including highly privileged ones: an escalation path to their permissions.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/service-account-permissions#user-role
# custom:
#   id: IAC-GCP-IAM-002
#   severity: high
#   remediation: >-
#     Grant `roles/iam.serviceAccountUser` / `roles/iam.serviceAccountTokenCreator` on the
#     individual service account with `google_service_account_iam_member` instead of
#     `google_project_iam_*` (or folder / organization).
#   frameworks: [CIS-GCP-1.6]
#   kinds: [terraform]
#   resource_types:
#     - google_project_iam_member
#     - google_project_iam_binding
#     - google_project_iam_policy
#     - google_folder_iam_member
#     - google_folder_iam_binding
#     - google_folder_iam_policy
#     - google_organization_iam_member
#     - google_organization_iam_binding
#     - google_organization_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_project / google_folder / google_organization _iam_member, _iam_binding and _iam_policy (data.google_iam_policy bindings)
#     - roles iam.serviceAccountUser, iam.serviceAccountTokenCreator
#   not_flagged:
#     - grants on a single service account (google_service_account_iam_*), the recommended scope
#     - unknown roles
package iac_guard.gcp.iam.service_account_impersonation

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

deny contains lib.finding(r, sprintf("%s grants %s to %s on every service account below it", [r.address, role, gcp.member_name(m)]), attr) if {
	some prefix in gcp.hierarchy
	some [r, attr, m, role] in gcp.grants(prefix)
	roles[role]
}
