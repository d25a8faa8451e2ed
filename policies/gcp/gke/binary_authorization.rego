# METADATA
# title: GKE cluster does not enforce Binary Authorization
# description: >-
#   Binary Authorization admits only container images that satisfy the project's policy
#   (signed by trusted attestors, from allowed registries); without it any image can be
#   deployed, including tampered or untrusted ones.
# related_resources:
#   - ref: https://cloud.google.com/binary-authorization/docs/setting-up
# custom:
#   id: IAC-GCP-GKE-014
#   severity: low
#   remediation: >-
#     Add `binary_authorization { evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE" }`
#     to `google_container_cluster` (older providers: `enable_binary_authorization = true`).
#   frameworks: [CIS-GKE-5.10.5]
#   kinds: [terraform]
#   forms:
#     - binary_authorization { evaluation_mode } (current)
#     - binary_authorization { enabled = true } and top-level enable_binary_authorization (deprecated)
#   not_flagged:
#     - unknown binary_authorization blocks or values
package iac_guard.gcp.gke.binary_authorization

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not enforce Binary Authorization", [r.address]), "binary_authorization.0.evaluation_mode") if {
	some r in lib.managed("google_container_cluster")
	not enforced(r)
}

enforced(r) if {
	mode := lib.block(r.values, "binary_authorization").evaluation_mode
	is_string(mode)
	mode != "DISABLED"
	mode != ""
}

enforced(r) if lib.is_true(lib.block(r.values, "binary_authorization").enabled)

enforced(r) if lib.is_true(r.values.enable_binary_authorization)

enforced(r) if lib.is_unknown(r.values.binary_authorization)

enforced(r) if lib.is_unknown(r.values.enable_binary_authorization)

enforced(r) if lib.block_unknown(r.values, "binary_authorization", "evaluation_mode")

enforced(r) if lib.block_unknown(r.values, "binary_authorization", "enabled")
