# METADATA
# title: GKE cluster nodes have public IP addresses
# description: >-
#   Without private nodes every node gets an external IP address and is reachable from
#   the internet; private clusters give nodes internal addresses only.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
# custom:
#   id: IAC-GCP-GKE-003
#   severity: medium
#   remediation: >-
#     Add `private_cluster_config { enable_private_nodes = true }` to
#     `google_container_cluster` (with `master_ipv4_cidr_block` on Standard clusters).
#   frameworks: [CIS-GKE-5.6.5]
#   kinds: [terraform]
#   forms:
#     - google_container_cluster private_cluster_config enable_private_nodes (Standard and Autopilot), missing block or attribute meaning public nodes
#     - per-pool network_config enable_private_nodes is not read, so a cluster without private_cluster_config is reported even if each pool is private
#   not_flagged:
#     - clusters whose private_cluster_config or enable_private_nodes is unknown
package iac_guard.gcp.gke.private_nodes

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not use private nodes", [r.address]), "private_cluster_config.0.enable_private_nodes") if {
	some r in lib.managed("google_container_cluster")
	not lib.is_unknown(r.values.private_cluster_config)
	config := lib.block_or_empty(r.values, "private_cluster_config")
	lib.false_or_missing(config, "enable_private_nodes")
}
