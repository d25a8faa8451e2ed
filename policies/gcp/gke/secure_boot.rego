# METADATA
# title: GKE nodes do not use Secure Boot
# description: >-
#   Secure Boot verifies the digital signature of every boot component, protecting nodes
#   against boot- and kernel-level rootkits; GKE leaves it off unless asked.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot
# custom:
#   id: IAC-GCP-GKE-009
#   severity: low
#   remediation: >-
#     Add `shielded_instance_config { enable_secure_boot = true }` to the `node_config` of
#     each `google_container_node_pool` (or inline `node_pool`), and keep
#     `enable_integrity_monitoring` at its default (true).
#   frameworks: [CIS-GKE-5.5.6, CIS-GKE-5.5.7]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#     - google_container_node_pool
#   forms:
#     - node_config of google_container_node_pool, of a cluster's inline node_pool, and of the cluster's default pool
#     - shielded_instance_config enable_secure_boot (default false) and enable_integrity_monitoring (default true)
#   not_flagged:
#     - Autopilot clusters (Google manages the nodes, Secure Boot included)
#     - a cluster's default pool when remove_default_node_pool = true or node_pool blocks replace it
#     - unknown node_config or shielded_instance_config values
package iac_guard.gcp.gke.secure_boot

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs nodes without %s", [r.address, feature]), sprintf("%snode_config.0.shielded_instance_config.0.%s", [prefix, attr])) if {
	some [r, prefix, pool] in gcp.node_pools
	not lib.is_unknown(pool.node_config)
	config := lib.block_or_empty(pool, "node_config")
	not lib.is_unknown(config.shielded_instance_config)
	shielded := lib.block_or_empty(config, "shielded_instance_config")
	some [attr, feature] in off(shielded)
}

off(shielded) := {["enable_secure_boot", "Secure Boot"] | lib.false_or_missing(shielded, "enable_secure_boot")} | {["enable_integrity_monitoring", "integrity monitoring"] | lib.is_false(shielded.enable_integrity_monitoring)}
