# METADATA
# title: Storage account accepts plain HTTP
# description: >-
#   With secure transfer turned off, blobs, files, queues and tables (and the shared key
#   or SAS token that authorises the request) travel unencrypted.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
# custom:
#   id: IAC-AZ-STORAGE-001
#   severity: high
#   remediation: 'Remove `https_traffic_only_enabled = false` (azurerm v4; `enable_https_traffic_only` in v3), or set it to `true`.'
#   frameworks: [CIS-AZURE-3.1]
#   kinds: [terraform]
#   forms:
#     - >-
#       `https_traffic_only_enabled = false` and its former name `enable_https_traffic_only
#       = false` (booleans or strings)
#   not_flagged:
#     - >-
#       an absent attribute: HTTPS-only is the default
package iac_guard.azure.storage.https_only

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	some attr in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	lib.is_false(r.values[attr])
	result := lib.finding(r, sprintf("storage account %s allows plain HTTP (%s = false)", [r.address, attr]), attr)
}
