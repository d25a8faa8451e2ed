# METADATA
# title: Storage container allows anonymous access
# description: >-
#   A container with access type `blob` or `container` serves its blobs (and, for
#   `container`, its listing) to anyone on the internet without credentials.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
# custom:
#   id: IAC-AZ-STORAGE-003
#   severity: high
#   remediation: 'Set `container_access_type = "private"` and share blobs through SAS tokens or Entra ID roles.'
#   frameworks: [CIS-AZURE-3.7]
#   kinds: [terraform]
#   forms:
#     - >-
#       `azurerm_storage_container` `container_access_type` `blob` or `container`, in any
#       case
#   not_flagged:
#     - >-
#       `private` and the default (private)
package iac_guard.azure.storage.container_public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_storage_container")
	lib.lowercase(r.values.container_access_type) in {"blob", "container"}
	result := lib.finding(r, sprintf("storage container %s allows anonymous %s access", [r.address, r.values.container_access_type]), "container_access_type")
}
