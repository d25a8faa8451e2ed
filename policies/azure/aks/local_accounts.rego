# METADATA
# title: AKS cluster keeps local accounts enabled
# description: >-
#   With local accounts enabled, `az aks get-credentials --admin` hands out a static
#   cluster-admin certificate that bypasses Microsoft Entra ID: it cannot be tied to a
#   person, is not covered by Conditional Access, and stays valid until the cluster
#   certificates are rotated.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
# custom:
#   id: IAC-AZ-AKS-002
#   severity: medium
#   remediation: >-
#     Set `local_account_disabled = true` together with an
#     `azure_active_directory_role_based_access_control` block.
#   kinds: [terraform]
#   forms:
#     - local_account_disabled absent, null or false (the default is false)
#   not_flagged:
#     - >-
#       Unknown values (`local_account_disabled = var.x`).
package iac_guard.azure.aks.local_accounts

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	lib.false_or_missing(r.values, "local_account_disabled")
	result := lib.finding(r, sprintf("AKS cluster %s keeps local (non-Entra ID) accounts enabled", [r.address]), "local_account_disabled")
}
