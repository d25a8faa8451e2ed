# METADATA
# title: Cloud Storage bucket does not use uniform bucket-level access
# description: >-
#   With fine-grained ACLs, any object can be made public on its own, outside the
#   bucket's IAM policy; uniform bucket-level access turns object ACLs off.
# related_resources:
#   - ref: https://cloud.google.com/storage/docs/uniform-bucket-level-access
# custom:
#   id: IAC-GCP-GCS-002
#   severity: medium
#   remediation: 'Set `uniform_bucket_level_access = true` on the `google_storage_bucket`.'
#   frameworks: [CIS-GCP-5.2]
#   kinds: [terraform]
#   forms:
#     - >-
#       `uniform_bucket_level_access` absent, null or false, and its name before provider
#       3.x, `bucket_policy_only`
#   not_flagged:
#     - >-
#       an unknown value
package iac_guard.gcp.storage.uniform_access

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("google_storage_bucket")
	lib.false_or_missing(r.values, "uniform_bucket_level_access")
	not lib.is_true(r.values.bucket_policy_only) # the attribute's name before provider 3.x
	result := lib.finding(r, sprintf("bucket %s does not enforce uniform bucket-level access", [r.address]), "uniform_bucket_level_access")
}
