# METADATA
# title: App Service app does not use HTTP/2
# description: >-
#   HTTP/2 fixes head-of-line blocking and header-compression weaknesses of HTTP/1.1 and
#   is only offered over TLS; App Service leaves it off unless asked.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/configure-common#configure-general-settings
# custom:
#   id: IAC-AZ-APP-007
#   severity: low
#   remediation: 'Set `site_config { http2_enabled = true }`.'
#   frameworks: [CIS-AZURE-9.9]
#   kinds: [terraform]
#   forms:
#     - site_config.http2_enabled false, null or absent (the default is false)
#     - no site_config block at all (legacy types, where it is optional)
#     - azurerm_linux_web_app / azurerm_windows_web_app, their slots, legacy azurerm_app_service and its slot
#   not_flagged:
#     - >-
#       Function apps, called mostly by services and event sources rather than browsers.
#       Unknown site_config blocks or values.
package iac_guard.azure.appservice.http2

import data.iac_guard.lib
import rego.v1

app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_app_service", "azurerm_app_service_slot",
]

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	not lib.is_unknown(r.values.site_config)
	config := lib.block_or_empty(r.values, "site_config")
	not lib.is_unknown(config)
	lib.false_or_missing(config, "http2_enabled")
	result := lib.finding(r, sprintf("app %s does not use HTTP/2", [r.address]), attribute(r.values))
}

attribute(values) := "site_config.0.http2_enabled" if lib.has_key(lib.block(values, "site_config"), "http2_enabled")

else := "site_config"
