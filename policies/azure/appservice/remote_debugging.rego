# METADATA
# title: App Service app has remote debugging enabled
# description: >-
#   Remote debugging opens extra inbound ports to the app's workers and lets whoever
#   holds publishing credentials attach a debugger to production code and read its
#   memory.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/visualstudio/debugger/remote-debugging-azure-app-service
# custom:
#   id: IAC-AZ-APP-004
#   severity: medium
#   remediation: 'Remove `site_config { remote_debugging_enabled = true }` (it defaults to false).'
#   kinds: [terraform]
#   forms:
#     - site_config.remote_debugging_enabled = true on current and legacy web and function apps and slots
#   not_flagged:
#     - >-
#       An unset attribute: it defaults to false. Unknown values.
package iac_guard.azure.appservice.remote_debugging

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

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	lib.is_true(lib.block(r.values, "site_config").remote_debugging_enabled)
	result := lib.finding(r, sprintf("app %s has remote debugging enabled", [r.address]), "site_config.0.remote_debugging_enabled")
}
