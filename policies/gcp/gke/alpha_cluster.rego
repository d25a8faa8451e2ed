# METADATA
# title: GKE cluster enables Kubernetes alpha features
# description: >-
#   Alpha clusters run unstable, unsupported Kubernetes features, are not covered by the
#   GKE SLA, cannot be upgraded and are deleted after 30 days; they are not fit for
#   production workloads.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters
# custom:
#   id: IAC-GCP-GKE-016
#   severity: medium
#   remediation: >-
#     Remove `enable_kubernetes_alpha = true` from `google_container_cluster` (the default
#     is false).
#   frameworks: [CIS-GKE-5.10.2]
#   kinds: [terraform]
#   forms:
#     - google_container_cluster enable_kubernetes_alpha (boolean or "true" string)
#   not_flagged:
#     - a missing enable_kubernetes_alpha (false by default)
#     - unknown values
package iac_guard.gcp.gke.alpha_cluster

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s enables Kubernetes alpha features", [r.address]), "enable_kubernetes_alpha") if {
	some r in lib.managed("google_container_cluster")
	lib.is_true(r.values.enable_kubernetes_alpha)
}
