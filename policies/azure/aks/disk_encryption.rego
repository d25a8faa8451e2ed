# METADATA
# title: AKS node disks are not encrypted with a customer-managed key
# description: >-
#   Node OS and data disks are encrypted with platform-managed keys unless a disk
#   encryption set is given; with a customer-managed key the organisation controls
#   rotation and can revoke access to the data.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/aks/azure-disk-customer-managed-keys
# custom:
#   id: IAC-AZ-AKS-007
#   severity: low
#   remediation: 'Set `disk_encryption_set_id` to an `azurerm_disk_encryption_set` backed by a Key Vault key.'
#   kinds: [terraform]
#   forms:
#     - disk_encryption_set_id absent, null or ""
#   not_flagged:
#     - >-
#       Unknown values. Persistent volumes (their storage class names the encryption set)
#       and host-based encryption of node pools, which are separate settings.
package iac_guard.azure.aks.disk_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	object.get(r.values, "disk_encryption_set_id", null) in {null, ""}
	result := lib.finding(r, sprintf("AKS cluster %s does not encrypt node disks with a customer-managed key", [r.address]), "disk_encryption_set_id")
}
