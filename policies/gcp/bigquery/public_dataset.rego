# METADATA
# title: BigQuery dataset or table is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Granting access on a dataset (or table) to `allUsers` or `allAuthenticatedUsers`
#   publishes its data to the internet or to every Google account.
# related_resources:
#   - ref: https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
# custom:
#   id: IAC-GCP-BQ-001
#   severity: critical
#   remediation: >-
#     Remove `access` blocks with `special_group = "allAuthenticatedUsers"` or `iam_member =
#     "allUsers"` from `google_bigquery_dataset` and `google_bigquery_dataset_access`, and
#     the public members of `google_bigquery_dataset_iam_*` / `google_bigquery_table_iam_*`.
#   frameworks: [CIS-GCP-7.1]
#   kinds: [terraform]
#   resource_types:
#     - google_bigquery_dataset
#     - google_bigquery_dataset_access
#     - google_bigquery_dataset_iam_member
#     - google_bigquery_dataset_iam_binding
#     - google_bigquery_dataset_iam_policy
#     - google_bigquery_table_iam_member
#     - google_bigquery_table_iam_binding
#     - google_bigquery_table_iam_policy
#     - google_iam_policy
#   forms:
#     - _iam_policy policy_data given as JSON text (a heredoc, or jsonencode of known values) with a bindings list
#     - google_bigquery_dataset access blocks (special_group, iam_member)
#     - google_bigquery_dataset_access (special_group, iam_member)
#     - google_bigquery_dataset_iam_member / _iam_binding / _iam_policy and google_bigquery_table_iam_* (data.google_iam_policy bindings)
#   not_flagged:
#     - special groups projectOwners / projectReaders / projectWriters, domain and group entries
#     - authorized views, routines and datasets (access through a view, not to everyone)
#     - unknown members
package iac_guard.gcp.bigquery.public_dataset

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("BigQuery dataset %s grants access to %s", [r.address, who]), sprintf("access.%d.%s", [i, attr])) if {
	some r in lib.managed("google_bigquery_dataset")
	some i, entry in lib.items(r.values.access)
	some [attr, who] in public_entry(entry)
}

deny contains lib.finding(r, sprintf("%s grants access to %s", [r.address, who]), attr) if {
	some r in lib.managed("google_bigquery_dataset_access")
	some [attr, who] in public_entry(r.values)
}

deny contains lib.finding(g[0], gcp.public_message(g), g[1]) if {
	some prefix in ["google_bigquery_dataset", "google_bigquery_table"]
	some g in gcp.public_grants(prefix)
}

public_entry(entry) := {[attr, entry[attr]] |
	some attr in ["special_group", "iam_member"]
	gcp.public_members[entry[attr]]
}
