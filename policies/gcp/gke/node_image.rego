# METADATA
# title: GKE nodes do not run Container-Optimized OS
# description: >-
#   Container-Optimized OS is Google's hardened, minimal node image with a read-only root
#   file system and automatic security updates; Ubuntu images carry a larger attack
#   surface that the cluster operator must patch.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/node-images
# custom:
#   id: IAC-GCP-GKE-013
#   severity: low
#   remediation: >-
#     Set `node_config { image_type = "COS_CONTAINERD" }` (the default) on each node pool.
#   frameworks: [CIS-GKE-5.5.1]
#   kinds: [terraform]
#   resource_types:
#     - google_container_cluster
#     - google_container_node_pool
#   forms:
#     - node_config image_type of google_container_node_pool, inline node_pool and the default pool (case-insensitive)
#   not_flagged:
#     - a missing image_type (COS_CONTAINERD by default)
#     - Windows Server images (WINDOWS_LTSC*, WINDOWS_SAC*), which Windows workloads need
#     - unknown values
package iac_guard.gcp.gke.node_image

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs nodes on %s instead of Container-Optimized OS", [r.address, image]), sprintf("%snode_config.0.image_type", [prefix])) if {
	some [r, prefix, pool] in gcp.node_pools
	image := lib.block(pool, "node_config").image_type
	is_string(image)
	image != ""
	not startswith(upper(image), "COS")
	not startswith(upper(image), "WINDOWS")
}
