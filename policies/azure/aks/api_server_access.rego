# METADATA
# title: AKS API server is reachable from any address
# description: >-
#   A public cluster without authorized IP ranges exposes the Kubernetes API server to
#   the whole internet: every credential leak, and every API server vulnerability, is
#   exploitable from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
#   - ref: https://learn.microsoft.com/en-us/azure/aks/private-clusters
# custom:
#   id: IAC-AZ-AKS-003
#   severity: high
#   remediation: >-
#     Set `private_cluster_enabled = true`, or list the networks allowed to reach the API
#     in `api_server_access_profile { authorized_ip_ranges = [...] }` (azurerm v2/v3:
#     `api_server_authorized_ip_ranges`), without 0.0.0.0/0.
#   kinds: [terraform]
#   forms:
#     - private_cluster_enabled = true (private API endpoint)
#     - api_server_access_profile { authorized_ip_ranges } block (azurerm v3.39 and later)
#     - api_server_authorized_ip_ranges attribute (azurerm v2/v3, removed in v4)
#     - public_network_access_enabled = false (azurerm v3)
#     - a world range in the list (0.0.0.0/0, ::/0, 0.0.0.0, *, or a /0 written with host bits)
#   not_flagged:
#     - >-
#       Clusters whose private flag or ranges are unknown (`var.x`). Authorized ranges that
#       are merely broad (a /8): what is too broad depends on the network.
package iac_guard.azure.aks.api_server_access

import data.iac_guard.lib
import rego.v1

# [attribute path, ranges] of each way a cluster lists its authorized ranges.
range_lists(values) := profile_ranges(values) | legacy_ranges(values)

profile_ranges(values) := {["api_server_access_profile.0.authorized_ip_ranges", ranges] |
	ranges := lib.block(values, "api_server_access_profile").authorized_ip_ranges
	ranges != null
}

legacy_ranges(values) := {["api_server_authorized_ip_ranges", ranges] |
	ranges := values.api_server_authorized_ip_ranges
	ranges != null
}

private(values) if lib.is_true(values.private_cluster_enabled)

private(values) if lib.is_unknown(values.private_cluster_enabled)

private(values) if lib.is_false(values.public_network_access_enabled)

private(values) if lib.is_unknown(values.public_network_access_enabled)

# Authorized ranges that are given and not all known-open; unknown lists count as set.
ranges_set(values) if {
	some [_, ranges] in range_lists(values)
	lib.is_unknown(ranges)
}

ranges_set(values) if {
	some [_, ranges] in range_lists(values)
	count(lib.items(ranges)) > 0
}

ranges_set(values) if lib.is_unknown(values.api_server_access_profile)

# 0.0.0.0/0, ::/0, "*" and any range written with host bits and a /0 prefix (10.1.2.3/0).
world(cidr) if lib.is_world(cidr)

world(cidr) if {
	is_string(cidr)
	endswith(trim_space(cidr), "/0")
}

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not private(r.values)
	not ranges_set(r.values)
	result := lib.finding(r, sprintf("AKS cluster %s exposes its API server to the internet (no private cluster, no authorized IP ranges)", [r.address]), "api_server_access_profile")
}

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not private(r.values)
	some [path, ranges] in range_lists(r.values)
	some i, cidr in lib.items(ranges)
	world(cidr)
	result := lib.finding(r, sprintf("AKS cluster %s authorizes %s to reach its API server", [r.address, cidr]), sprintf("%s.%d", [path, i]))
}
