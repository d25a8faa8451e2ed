# METADATA
# title: App Service app has no managed identity
# description: >-
#   Without a managed identity an app reaches Key Vault, storage and databases with
#   secrets kept in its settings or code, which leak and are rarely rotated; a managed
#   identity gets tokens from the platform instead.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity
# custom:
#   id: IAC-AZ-APP-006
#   severity: low
#   remediation: 'Add `identity { type = "SystemAssigned" }` (or "UserAssigned" with `identity_ids`).'
#   frameworks: [CIS-AZURE-9.5]
#   kinds: [terraform]
#   forms:
#     - no identity block, on current and legacy web and function apps and slots
#     - an identity block whose type is null or ""
#   not_flagged:
#     - >-
#       Unknown identity blocks or types. Apps that need no Azure resource at all are
#       flagged too: the scanner cannot tell.
package iac_guard.azure.appservice.managed_identity

import data.iac_guard.lib
import rego.v1

app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
	"azurerm_app_service", "azurerm_app_service_slot",
	"azurerm_function_app", "azurerm_function_app_slot",
]

has_identity(values) if lib.is_unknown(values.identity)

has_identity(values) if {
	identity := lib.block(values, "identity")
	not object.get(identity, "type", null) in {null, ""}
}

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	not has_identity(r.values)
	result := lib.finding(r, sprintf("app %s has no managed identity", [r.address]), "identity")
}
