# METADATA
# title: Storage account accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are being retired by Azure. azurerm v2
#   defaulted `min_tls_version` to TLS1_0, so an account that does not set it may still
#   accept them, depending on the provider version that created it.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
# custom:
#   id: IAC-AZ-STORAGE-004
#   severity: medium
#   remediation: 'Set `min_tls_version = "TLS1_2"`.'
#   frameworks: [CIS-AZURE-3.15]
#   kinds: [terraform]
#   forms:
#     - >-
#       `min_tls_version` `TLS1_0` or `TLS1_1` in any case, or absent, null or ""
#   not_flagged:
#     - >-
#       stricter than recent providers on purpose: azurerm 3+ defaults new accounts to
#       TLS1_2, but accounts created earlier or by other tools keep TLS1_0, so the rule asks
#       for the version to be explicit
package iac_guard.azure.storage.min_tls

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	version := tls_version(r.values)
	version in {"TLS1_0", "TLS1_1", "not set"}
	result := lib.finding(r, sprintf("storage account %s does not require TLS 1.2 (min_tls_version %s)", [r.address, version]), "min_tls_version")
}

# Absent, null or "" read as "not set"; case as written ("tls1_0" too).
tls_version(values) := upper(values.min_tls_version) if {
	lib.is_set(values, "min_tls_version")
	is_string(values.min_tls_version)
}

tls_version(values) := "not set" if {
	not lib.is_set(values, "min_tls_version")
	not lib.is_unknown(values.min_tls_version)
}
