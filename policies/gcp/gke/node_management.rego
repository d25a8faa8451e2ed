# METADATA
# title: GKE node pool turns off auto-repair or auto-upgrade
# description: >-
#   Without auto-upgrade, nodes keep running Kubernetes and OS versions with known
#   vulnerabilities; without auto-repair, unhealthy nodes are not recreated.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
# custom:
#   id: IAC-GCP-GKE-010
#   severity: medium
#   remediation: >-
#     Remove `auto_repair = false` / `auto_upgrade = false` from the `management` block of
#     `google_container_node_pool` (or the cluster's inline `node_pool`); both default to
#     true.
#   frameworks: [CIS-GKE-5.5.2, CIS-GKE-5.5.3]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#     - google_container_node_pool
#   forms:
#     - google_container_node_pool management { auto_repair, auto_upgrade }
#     - google_container_cluster inline node_pool management
#   not_flagged:
#     - a missing management block or attribute (both default to true)
#     - unknown values
package iac_guard.gcp.gke.node_management

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s turns off node %s", [r.address, replace(attr, "_", "-")]), sprintf("%smanagement.0.%s", [prefix, attr])) if {
	some [r, prefix, pool] in gcp.node_pools
	management := lib.block(pool, "management")
	some attr in ["auto_repair", "auto_upgrade"]
	lib.is_false(management[attr])
}
