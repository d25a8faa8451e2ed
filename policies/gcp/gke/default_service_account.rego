# METADATA
# title: GKE nodes run as the Compute Engine default service account
# description: >-
#   The Compute Engine default service account holds the Editor role on the project by
#   default, so every pod able to reach the metadata server inherits broad project
#   permissions.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa
# custom:
#   id: IAC-GCP-GKE-015
#   severity: medium
#   remediation: >-
#     Set `node_config { service_account = google_service_account.nodes.email }` to a
#     dedicated, minimally privileged service account on each node pool.
#   frameworks: [CIS-GKE-5.2.1]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#     - google_container_node_pool
#   forms:
#     - node_config service_account of google_container_node_pool, inline node_pool and the default pool
#     - missing service_account, "default", or a literal <number>-compute@developer.gserviceaccount.com address
#   not_flagged:
#     - Autopilot clusters and removed default pools
#     - unknown node_config or service_account values (a reference to a google_service_account)
package iac_guard.gcp.gke.default_service_account

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs nodes as the Compute Engine default service account", [r.address]), sprintf("%snode_config.0.service_account", [prefix])) if {
	some [r, prefix, pool] in gcp.node_pools
	not lib.is_unknown(pool.node_config)
	config := lib.block_or_empty(pool, "node_config")
	gcp.default_compute_account(object.get(config, "service_account", null))
}
