# METADATA
# title: Basic role Owner or Editor granted on a project, folder or organization
# description: >-
#   The basic Owner and Editor roles grant thousands of permissions across every service
#   in the project (or everything below a folder or organization); Google recommends
#   predefined or custom roles that grant only what a principal needs.
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/roles-overview#basic
# custom:
#   id: IAC-GCP-IAM-001
#   severity: high
#   remediation: >-
#     Replace `role = "roles/owner"` / `"roles/editor"` in `google_project_iam_member` /
#     `_iam_binding` (and the folder / organization equivalents, and `binding` blocks of a
#     `google_iam_policy` data source used by `_iam_policy`) with predefined roles scoped to
#     the task.
#   frameworks: [CIS-GCP-1.5]
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
#     - google_project / google_folder / google_organization _iam_member (member) and _iam_binding (members)
#     - google_project / google_folder / google_organization _iam_policy with policy_data from data.google_iam_policy binding blocks
#   not_flagged:
#     - roles/viewer (read-only)
#     - basic roles granted on a single resource (a bucket, a service account)
#     - unknown roles
package iac_guard.gcp.iam.basic_roles

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

basic_roles := {"roles/owner", "roles/editor"}

deny contains lib.finding(r, sprintf("%s grants the basic role %s to %s", [r.address, role, gcp.member_name(m)]), attr) if {
	some prefix in gcp.hierarchy
	some [r, attr, m, role] in gcp.grants(prefix)
	basic_roles[role]
}
