# METADATA
# title: GKE nodes expose the instance metadata server to pods
# description: >-
#   The legacy Compute Engine metadata endpoints (v0.1 / v1beta1) and unconcealed node
#   metadata let any pod read the node's service-account token and kubelet credentials,
#   a common path to cluster takeover.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata
# custom:
#   id: IAC-GCP-GKE-007
#   severity: high
#   remediation: >-
#     In `node_config` keep `metadata = { disable-legacy-endpoints = "true" }` and set
#     `workload_metadata_config { mode = "GKE_METADATA" }` (older providers:
#     `node_metadata = "GKE_METADATA_SERVER"` or `"SECURE"`).
#   frameworks: [CIS-GKE-5.4.1, CIS-GKE-5.4.2]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#     - google_container_node_pool
#   forms:
#     - node_config of google_container_node_pool, of a cluster's inline node_pool, and of the cluster's default pool
#     - node_config metadata disable-legacy-endpoints (string "false" or boolean false)
#     - workload_metadata_config mode = "GCE_METADATA" (current) or node_metadata = "EXPOSE" / "UNSPECIFIED" (provider 3.x)
#   not_flagged:
#     - a missing disable-legacy-endpoints (GKE disables the legacy endpoints by default since 1.12)
#     - a missing workload_metadata_config (node pools of a Workload Identity cluster default to GKE_METADATA; IAC-GCP-GKE-006 reports clusters without it)
package iac_guard.gcp.gke.node_metadata

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s re-enables the legacy metadata endpoints on its nodes", [r.address]), sprintf("%snode_config.0.metadata.disable-legacy-endpoints", [prefix])) if {
	some [r, prefix, pool] in gcp.node_pools
	config := lib.block(pool, "node_config")
	gcp.falsy(gcp.metadata_value(config.metadata, "disable-legacy-endpoints"))
}

deny contains lib.finding(r, sprintf("%s exposes node metadata to pods (%s)", [r.address, mode]), sprintf("%snode_config.0.workload_metadata_config.0", [prefix])) if {
	some [r, prefix, pool] in gcp.node_pools
	config := lib.block(pool, "node_config")
	wmc := lib.block(config, "workload_metadata_config")
	some attr in ["mode", "node_metadata"]
	mode := wmc[attr]
	mode in {"GCE_METADATA", "EXPOSE", "UNSPECIFIED"}
}
