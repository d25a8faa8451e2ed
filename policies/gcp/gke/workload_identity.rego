# METADATA
# title: GKE cluster does not use Workload Identity
# description: >-
#   Without Workload Identity, pods act with the node's service account (and can read
#   its credentials from the metadata server), so every workload on a node shares its
#   permissions.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
# custom:
#   id: IAC-GCP-GKE-006
#   severity: medium
#   remediation: >-
#     Add `workload_identity_config { workload_pool = "<project>.svc.id.goog" }` to
#     `google_container_cluster` (older providers: `identity_namespace`).
#   frameworks: [CIS-GKE-5.2.2]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#   forms:
#     - workload_identity_config workload_pool (current) or identity_namespace (provider 3.x)
#   not_flagged:
#     - Autopilot clusters (Workload Identity is always on)
#     - unknown workload_identity_config blocks or pools
package iac_guard.gcp.gke.workload_identity

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not enable Workload Identity", [r.address]), "workload_identity_config") if {
	some r in gcp.standard_clusters
	not lib.is_unknown(r.values.workload_identity_config)
	not enabled(lib.block_or_empty(r.values, "workload_identity_config"))
}

enabled(config) if {
	some attr in ["workload_pool", "identity_namespace"]
	is_string(config[attr])
	config[attr] != ""
}

enabled(config) if {
	some attr in ["workload_pool", "identity_namespace"]
	lib.is_unknown(config[attr])
}
