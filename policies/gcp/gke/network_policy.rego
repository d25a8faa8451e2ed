# METADATA
# title: GKE cluster does not enforce Kubernetes network policies
# description: >-
#   Without network policy enforcement every pod can reach every other pod, so one
#   compromised workload can move laterally through the cluster.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy
# custom:
#   id: IAC-GCP-GKE-005
#   severity: medium
#   remediation: >-
#     Set `datapath_provider = "ADVANCED_DATAPATH"` (GKE Dataplane V2, which enforces
#     network policies) or `network_policy { enabled = true }` with
#     `addons_config { network_policy_config { disabled = false } }` on
#     `google_container_cluster`.
#   frameworks: [CIS-GKE-5.6.7]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#   forms:
#     - network_policy { enabled } (Calico, legacy)
#     - datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2)
#   not_flagged:
#     - Autopilot clusters (enable_autopilot = true, always Dataplane V2)
#     - unknown network_policy or datapath_provider values
package iac_guard.gcp.gke.network_policy

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not enforce network policies", [r.address]), "network_policy.0.enabled") if {
	some r in gcp.standard_clusters
	not enforced(r)
}

enforced(r) if r.values.datapath_provider == "ADVANCED_DATAPATH"

enforced(r) if lib.is_unknown(r.values.datapath_provider)

enforced(r) if lib.is_true(lib.block(r.values, "network_policy").enabled)

enforced(r) if lib.is_unknown(r.values.network_policy)

enforced(r) if lib.block_unknown(r.values, "network_policy", "enabled")
