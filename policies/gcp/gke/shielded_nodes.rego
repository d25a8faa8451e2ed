# METADATA
# title: GKE cluster turns Shielded GKE Nodes off
# description: >-
#   Shielded GKE Nodes give nodes a verifiable identity and integrity; without them an
#   attacker who exfiltrates a node's bootstrap credentials can impersonate a node.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes
# custom:
#   id: IAC-GCP-GKE-008
#   severity: medium
#   remediation: >-
#     Remove `enable_shielded_nodes = false` from `google_container_cluster` (the
#     provider's default is true).
#   frameworks: [CIS-GKE-5.5.5]
#   kinds: [terraform]
#   forms:
#     - google_container_cluster enable_shielded_nodes (boolean or string)
#   not_flagged:
#     - a missing enable_shielded_nodes (true by default since provider 4.0)
#     - unknown values
package iac_guard.gcp.gke.shielded_nodes

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s disables Shielded GKE Nodes", [r.address]), "enable_shielded_nodes") if {
	some r in lib.managed("google_container_cluster")
	lib.is_false(r.values.enable_shielded_nodes)
}
