# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: >-
#   Without Kubernetes role-based access control every authenticated identity can do
#   everything in the cluster: read every secret, run privileged pods, change workloads.
#   RBAC cannot be turned on later without recreating the cluster.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/concepts-identity#kubernetes-rbac
# custom:
#   id: IAC-AZ-AKS-001
#   severity: high
#   remediation: >-
#     Remove `role_based_access_control_enabled = false` (it defaults to true), or on
#     azurerm v2 set `role_based_access_control { enabled = true }`.
#   kinds: [terraform]
#   forms:
#     - role_based_access_control_enabled = false (azurerm v3 and later)
#     - role_based_access_control { enabled = false } block (azurerm v2)
#   not_flagged:
#     - >-
#       A cluster that does not set RBAC at all: the attribute defaults to true (and the
#       AKS API enables RBAC when the v2 block is absent). Unknown values.
package iac_guard.azure.aks.rbac

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	lib.is_false(r.values.role_based_access_control_enabled)
	result := lib.finding(r, sprintf("AKS cluster %s has Kubernetes RBAC disabled", [r.address]), "role_based_access_control_enabled")
}

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	lib.is_false(lib.block(r.values, "role_based_access_control").enabled)
	result := lib.finding(r, sprintf("AKS cluster %s has Kubernetes RBAC disabled", [r.address]), "role_based_access_control.0.enabled")
}
