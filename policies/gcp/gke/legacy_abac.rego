# METADATA
# title: GKE cluster uses legacy ABAC authorization
# description: >-
#   Legacy Attribute-Based Access Control grants broad, statically configured permissions
#   that bypass Kubernetes RBAC; Google disables it by default and recommends RBAC only.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110
# custom:
#   id: IAC-GCP-GKE-001
#   severity: high
#   remediation: >-
#     Remove `enable_legacy_abac` from `google_container_cluster` or set it to `false`
#     (the provider's default), and grant access with Kubernetes RBAC and IAM.
#   frameworks: [CIS-GKE-5.8.4]
#   kinds: [terraform]
#   forms:
#     - google_container_cluster enable_legacy_abac (boolean or "true" string)
#   not_flagged:
#     - a missing enable_legacy_abac (the provider's default is false)
#     - an unknown value (var.abac)
package iac_guard.gcp.gke.legacy_abac

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s enables legacy ABAC authorization", [r.address]), "enable_legacy_abac") if {
	some r in lib.managed("google_container_cluster")
	lib.is_true(r.values.enable_legacy_abac)
}
