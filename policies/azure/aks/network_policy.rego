# METADATA
# title: AKS cluster has no network policy engine
# description: >-
#   Without a network policy engine (Azure, Calico or Cilium) Kubernetes NetworkPolicy
#   objects are silently ignored: every pod can reach every other pod, so one compromised
#   workload can talk to all the others. The engine can only be chosen when the cluster
#   is created.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/use-network-policies
# custom:
#   id: IAC-AZ-AKS-004
#   severity: medium
#   remediation: >-
#     Set `network_profile { network_plugin = "azure", network_policy = "azure" }` (or
#     `"calico"`, or `"cilium"` with `network_data_plane = "cilium"`).
#   kinds: [terraform]
#   forms:
#     - no network_profile block (kubenet, no policy engine)
#     - network_profile without network_policy, or with null or ""
#   not_flagged:
#     - >-
#       Unknown network_profile blocks or network_policy values.
package iac_guard.azure.aks.network_policy

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not lib.is_unknown(r.values.network_profile)
	not lib.block(r.values, "network_profile")
	result := lib.finding(r, sprintf("AKS cluster %s has no network policy engine (no network_profile)", [r.address]), "network_profile")
}

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	profile := lib.block(r.values, "network_profile")
	not lib.is_unknown(profile)
	object.get(profile, "network_policy", null) in {null, ""}
	result := lib.finding(r, sprintf("AKS cluster %s has no network policy engine", [r.address]), "network_profile.0")
}
