# METADATA
# title: App Service app accepts plain HTTP
# description: >-
#   Unless `https_only` is set, an App Service or Function app answers on HTTP as well
#   as HTTPS: credentials, cookies and data travel in clear text and can be altered on
#   the way.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
# custom:
#   id: IAC-AZ-APP-001
#   severity: medium
#   remediation: 'Set `https_only = true`.'
#   frameworks: [CIS-AZURE-9.2]
#   kinds: [terraform]
#   forms:
#     - azurerm_linux_web_app / azurerm_windows_web_app and their slots
#     - azurerm_linux_function_app / azurerm_windows_function_app and their slots
#     - legacy azurerm_app_service / azurerm_function_app and their slots
#     - https_only false, null or absent (the default is false for every type)
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.appservice.https_only

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
	lib.false_or_missing(r.values, "https_only")
	result := lib.finding(r, sprintf("app %s accepts plain HTTP (https_only is not true)", [r.address]), "https_only")
}
