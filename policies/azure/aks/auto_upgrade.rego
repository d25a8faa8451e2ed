# METADATA
# title: AKS cluster has no automatic upgrade channel
# description: >-
#   Without an automatic upgrade channel the cluster stays on its Kubernetes patch
#   version until someone upgrades it by hand: security patches are missed and the
#   version eventually falls out of support.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/auto-upgrade-cluster
# custom:
#   id: IAC-AZ-AKS-008
#   severity: low
#   remediation: >-
#     Set `automatic_upgrade_channel = "patch"` (or "stable", "rapid", "node-image";
#     azurerm v3: `automatic_channel_upgrade`).
#   kinds: [terraform]
#   forms:
#     - automatic_upgrade_channel (azurerm v4)
#     - automatic_channel_upgrade (azurerm v3)
#     - absent, null, "" or "none" (the provider sets no channel by default)
#   not_flagged:
#     - >-
#       Unknown values. Clusters upgraded by a pipeline outside Terraform are flagged: the
#       scanner cannot see it.
package iac_guard.azure.aks.auto_upgrade

import data.iac_guard.lib
import rego.v1

channel_keys := ["automatic_upgrade_channel", "automatic_channel_upgrade"]

upgrading(values) if {
	some key in channel_keys
	channel := values[key]
	not channel in {null, ""}
	lib.lowercase(channel) != "none"
}

upgrading(values) if {
	some key in channel_keys
	lib.is_unknown(values[key])
}

# The attribute to report: the one written, else the current name.
attribute(values) := key if {
	some key in channel_keys
	lib.has_key(values, key)
} else := "automatic_upgrade_channel"

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not upgrading(r.values)
	result := lib.finding(r, sprintf("AKS cluster %s has no automatic upgrade channel", [r.address]), attribute(r.values))
}
