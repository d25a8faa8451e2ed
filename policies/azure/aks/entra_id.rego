# METADATA
# title: AKS cluster is not integrated with Microsoft Entra ID
# description: >-
#   Without Microsoft Entra ID (Azure AD) integration, users authenticate to the
#   Kubernetes API with client certificates that cannot be revoked individually, and
#   access is not governed by the organisation's identities, groups, MFA and Conditional
#   Access.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/enable-authentication-microsoft-entra-id
# custom:
#   id: IAC-AZ-AKS-009
#   severity: medium
#   remediation: >-
#     Add `azure_active_directory_role_based_access_control { azure_rbac_enabled = true,
#     admin_group_object_ids = [...] }` (azurerm v3 also `managed = true`; azurerm v2:
#     `role_based_access_control { azure_active_directory { managed = true } }`).
#   kinds: [terraform]
#   forms:
#     - azure_active_directory_role_based_access_control block (azurerm v3 and later)
#     - role_based_access_control { azure_active_directory } block (azurerm v2)
#   not_flagged:
#     - >-
#       Unknown blocks. Whether the integration is the managed or the legacy (client/server
#       application) kind: both authenticate against Entra ID.
package iac_guard.azure.aks.entra_id

import data.iac_guard.lib
import rego.v1

integrated(values) if lib.has_block(values, "azure_active_directory_role_based_access_control")

integrated(values) if lib.is_unknown(values.azure_active_directory_role_based_access_control)

integrated(values) if lib.has_block(lib.block(values, "role_based_access_control"), "azure_active_directory")

integrated(values) if lib.block_unknown(values, "role_based_access_control", "azure_active_directory")

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not integrated(r.values)
	result := lib.finding(r, sprintf("AKS cluster %s is not integrated with Microsoft Entra ID", [r.address]), "azure_active_directory_role_based_access_control")
}
