# METADATA
# title: Storage account allows public blob access
# description: >-
#   When nested items may be public, any container can be switched to anonymous read
#   access and leak its blobs to the internet. azurerm v3 allows it unless
#   `allow_nested_items_to_be_public = false` is set.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: IAC-AZ-STORAGE-002
#   severity: high
#   remediation: 'Set `allow_nested_items_to_be_public = false` (azurerm v2: `allow_blob_public_access = false`).'
#   frameworks: [CIS-AZURE-3.7]
#   kinds: [terraform]
#   forms:
#     - >-
#       `allow_nested_items_to_be_public` true, and its former name
#       `allow_blob_public_access` true
#     - >-
#       both absent or null: the provider's default allows public access
#   not_flagged:
#     - >-
#       an unknown value
package iac_guard.azure.storage.public_blob_access

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	allows_public(r.values)
	result := lib.finding(r, sprintf("storage account %s allows public access to its blobs", [r.address]), "allow_nested_items_to_be_public")
}

allows_public(values) if lib.is_true(values.allow_nested_items_to_be_public)

allows_public(values) if lib.is_true(values.allow_blob_public_access)

# Neither attribute set: the v3+ default allows it.
allows_public(values) if {
	unset(values, "allow_nested_items_to_be_public")
	unset(values, "allow_blob_public_access")
}

# Absent or null (an unknown value is neither).
unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] == null
