# METADATA
# title: App Service web app has no built-in authentication
# description: >-
#   App Service authentication (Easy Auth) rejects anonymous requests before they reach
#   the application code, so a flaw in the app's own login handling does not expose it
#   to the internet.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization
# custom:
#   id: IAC-AZ-APP-008
#   severity: low
#   remediation: >-
#     Add `auth_settings_v2 { auth_enabled = true, ... }` with an identity provider (or
#     `auth_settings { enabled = true }`; legacy azurerm_app_service: `auth_settings`).
#   frameworks: [CIS-AZURE-9.1]
#   kinds: [terraform]
#   forms:
#     - auth_settings_v2 { auth_enabled } (current web apps and slots)
#     - auth_settings { enabled } (current and legacy web apps and slots)
#     - neither block, or the flag false or null
#   not_flagged:
#     - >-
#       Function apps, usually protected by function keys or an API gateway. Unknown blocks
#       or flags. Apps that authenticate users in their own code are flagged: the scanner
#       cannot see it.
package iac_guard.azure.appservice.authentication

import data.iac_guard.lib
import rego.v1

app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_app_service", "azurerm_app_service_slot",
]

authenticated(values) if {
	some [block, flag] in [["auth_settings", "enabled"], ["auth_settings_v2", "auth_enabled"]]
	settings := lib.block(values, block)
	not lib.false_or_missing(settings, flag)
}

authenticated(values) if {
	some block in ["auth_settings", "auth_settings_v2"]
	lib.is_unknown(values[block])
}

attribute(values) := "auth_settings_v2.0.auth_enabled" if lib.has_block(values, "auth_settings_v2")

else := "auth_settings.0.enabled" if lib.has_block(values, "auth_settings")

else := "auth_settings_v2"

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	not authenticated(r.values)
	result := lib.finding(r, sprintf("web app %s has no App Service authentication", [r.address]), attribute(r.values))
}
