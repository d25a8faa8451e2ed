# METADATA
# title: Default service account granted roles on a project, folder or organization
# description: >-
#   The Compute Engine and App Engine default service accounts are used implicitly by
#   every VM, GKE node and App Engine app that does not name another account; granting
#   them further roles hands those permissions to all such workloads.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/service-account-types#default
# custom:
#   id: IAC-GCP-IAM-005
#   severity: medium
#   remediation: >-
#     Do not grant roles to `<number>-compute@developer.gserviceaccount.com` or
#     `<project>@appspot.gserviceaccount.com` in `google_project_iam_*` (folder /
#     organization); create a dedicated `google_service_account` per workload and grant
#     it the roles it needs.
#   frameworks: []
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
#     - the member as a literal email or interpolated from data.google_compute_default_service_account / data.google_app_engine_default_service_account
#   not_flagged:
#     - grants on a single resource (a bucket, a secret)
#     - members whose value is unknown for another reason
package iac_guard.gcp.iam.default_service_account_roles

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s grants %s to a default service account (%s)", [r.address, gcp.role_name(role), gcp.member_name(m)]), attr) if {
	some prefix in gcp.hierarchy
	some [r, attr, m, role] in gcp.grants(prefix)
	default_account(m)
}

default_account(m) if {
	is_string(m)
	regex.match(`^serviceAccount:([0-9]+-compute@developer|[a-z][a-z0-9.:-]*@appspot)\.gserviceaccount\.com$`, m)
}

default_account(m) if {
	src := lib.unknown_source(m)
	is_string(src)
	regex.match(`data\.google_(compute|app_engine)_default_service_account\.`, src)
}
