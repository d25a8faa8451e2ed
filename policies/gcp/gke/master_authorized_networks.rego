# METADATA
# title: GKE control plane endpoint is open to any address
# description: >-
#   Without master authorized networks (or with 0.0.0.0/0 among them) the Kubernetes API
#   server's public endpoint accepts connections from the whole internet, exposing it to
#   credential attacks and API vulnerabilities.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
# custom:
#   id: IAC-GCP-GKE-004
#   severity: high
#   remediation: >-
#     Add `master_authorized_networks_config { cidr_blocks { cidr_block = "<office or VPN
#     range>" } }` to `google_container_cluster`, without 0.0.0.0/0, or make the endpoint
#     private (`private_cluster_config { enable_private_endpoint = true }`).
#   frameworks: [CIS-GKE-5.6.3]
#   kinds: [terraform]
#   forms:
#     - no master_authorized_networks_config block
#     - master_authorized_networks_config cidr_blocks with a world CIDR (0.0.0.0/0, ::/0)
#     - master_authorized_networks_config gcp_public_cidrs_access_enabled = true (every Google Cloud public IP address)
#     - no public endpoint through private_cluster_config enable_private_endpoint or control_plane_endpoints_config ip_endpoints_config enabled = false (provider 6)
#   not_flagged:
#     - a missing block when the control plane has no public endpoint (enable_private_endpoint = true, or IP endpoints disabled)
#     - unknown blocks or CIDRs
package iac_guard.gcp.gke.master_authorized_networks

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s does not restrict its control plane with master authorized networks", [r.address]), "master_authorized_networks_config") if {
	some r in lib.managed("google_container_cluster")
	not lib.has_block(r.values, "master_authorized_networks_config")
	not lib.is_unknown(r.values.master_authorized_networks_config)
	not private_endpoint(r)
}

deny contains lib.finding(r, sprintf("GKE cluster %s authorizes %s to reach its control plane", [r.address, c.cidr_block]), sprintf("master_authorized_networks_config.0.cidr_blocks.%d", [i])) if {
	some r in lib.managed("google_container_cluster")
	config := lib.block(r.values, "master_authorized_networks_config")
	some i, c in lib.items(config.cidr_blocks)
	lib.is_world(c.cidr_block)
}

deny contains lib.finding(r, sprintf("GKE cluster %s authorizes every Google Cloud public IP address to reach its control plane", [r.address]), "master_authorized_networks_config.0.gcp_public_cidrs_access_enabled") if {
	some r in lib.managed("google_container_cluster")
	config := lib.block(r.values, "master_authorized_networks_config")
	lib.is_true(config.gcp_public_cidrs_access_enabled)
}

private_endpoint(r) if lib.is_true(lib.block(r.values, "private_cluster_config").enable_private_endpoint)

private_endpoint(r) if lib.is_unknown(lib.block(r.values, "private_cluster_config").enable_private_endpoint)

private_endpoint(r) if lib.is_unknown(r.values.private_cluster_config)

private_endpoint(r) if lib.is_false(ip_endpoints(r).enabled)

private_endpoint(r) if lib.is_unknown(ip_endpoints(r).enabled)

ip_endpoints(r) := lib.block(lib.block(r.values, "control_plane_endpoints_config"), "ip_endpoints_config")
