# METADATA
# title: AKS cluster does not run the Azure Policy add-on
# description: >-
#   The Azure Policy add-on (Gatekeeper) enforces pod security and other admission
#   rules (no privileged containers, no host paths, allowed registries) at scale; without
#   it the cluster admits whatever a deployer submits.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/governance/policy/concepts/policy-for-kubernetes
# custom:
#   id: IAC-AZ-AKS-005
#   severity: low
#   remediation: >-
#     Set `azure_policy_enabled = true` (azurerm v2: `addon_profile { azure_policy {
#     enabled = true } }`).
#   kinds: [terraform]
#   forms:
#     - azure_policy_enabled (azurerm v3 and later; absent means false)
#     - addon_profile { azure_policy { enabled } } (azurerm v2)
#   not_flagged:
#     - >-
#       Unknown values. Clusters that enforce admission rules by other means (a self-managed
#       Gatekeeper or Kyverno) are flagged: the scanner cannot see them.
package iac_guard.azure.aks.azure_policy

import data.iac_guard.lib
import rego.v1

enabled(values) if lib.is_true(values.azure_policy_enabled)

enabled(values) if lib.is_unknown(values.azure_policy_enabled)

enabled(values) if {
	a := addon(values, "azure_policy")
	not lib.false_or_missing(a, "enabled")
}

enabled(values) if lib.is_unknown(values.addon_profile)

enabled(values) if lib.block_unknown(lib.block(values, "addon_profile"), "azure_policy", "enabled")

addon(values, name) := lib.block(lib.block(values, "addon_profile"), name)

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not enabled(r.values)
	result := lib.finding(r, sprintf("AKS cluster %s does not run the Azure Policy add-on", [r.address]), attribute(r.values))
}

# The v2 add-on flag when the cluster writes it, else the current attribute.
attribute(values) := "addon_profile.0.azure_policy.0.enabled" if lib.has_key(addon(values, "azure_policy"), "enabled")

else := "azure_policy_enabled"
