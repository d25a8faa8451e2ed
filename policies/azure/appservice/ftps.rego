# METADATA
# title: App Service app allows plain FTP deployments
# description: >-
#   With FTP state AllAllowed, deployment credentials and site content can travel over
#   unencrypted FTP, where they can be read and replaced on the way.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
# custom:
#   id: IAC-AZ-APP-003
#   severity: medium
#   remediation: 'Set `site_config { ftps_state = "Disabled" }` (or "FtpsOnly" when FTP deployment is needed).'
#   frameworks: [CIS-AZURE-9.10]
#   kinds: [terraform]
#   forms:
#     - site_config.ftps_state = "AllAllowed" on every web and function app type
#     - legacy azurerm_app_service / azurerm_function_app (and slots) without ftps_state,
#       where the service default is AllAllowed
#   not_flagged:
#     - >-
#       Current resource types (azurerm_linux_web_app, azurerm_windows_function_app...)
#       without ftps_state: the provider defaults it to "Disabled". Unknown values.
package iac_guard.azure.appservice.ftps

import data.iac_guard.lib
import rego.v1

current_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
]

legacy_types := ["azurerm_app_service", "azurerm_app_service_slot", "azurerm_function_app", "azurerm_function_app_slot"]

deny contains result if {
	some rtype in array.concat(current_types, legacy_types)
	some r in lib.managed(rtype)
	lib.lowercase(lib.block(r.values, "site_config").ftps_state) == "allallowed"
	result := lib.finding(r, sprintf("app %s allows plain FTP (ftps_state AllAllowed)", [r.address]), "site_config.0.ftps_state")
}

# Legacy types: an absent or null ftps_state leaves the service default, AllAllowed.
deny contains result if {
	some rtype in legacy_types
	some r in lib.managed(rtype)
	not lib.is_unknown(r.values.site_config)
	config := lib.block_or_empty(r.values, "site_config")
	not lib.is_unknown(config)
	object.get(config, "ftps_state", null) in {null, ""}
	result := lib.finding(r, sprintf("app %s allows plain FTP (ftps_state not set, AllAllowed by default)", [r.address]), "site_config")
}
