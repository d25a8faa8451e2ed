# METADATA
# title: App Service web app does not require client certificates
# description: >-
#   With incoming client certificates required, only clients holding a valid
#   certificate can complete the TLS handshake: a second factor in front of the
#   application's own authentication.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/app-service-web-configure-tls-mutual-auth
# custom:
#   id: IAC-AZ-APP-005
#   severity: low
#   remediation: >-
#     Set `client_certificate_enabled = true` with `client_certificate_mode = "Required"`
#     (legacy azurerm_app_service: `client_cert_enabled = true`).
#   frameworks: [CIS-AZURE-9.4]
#   kinds: [terraform]
#   forms:
#     - client_certificate_enabled (azurerm_linux_web_app / azurerm_windows_web_app and slots)
#     - client_cert_enabled (legacy azurerm_app_service and its slot)
#     - client_certificate_mode = "Optional" / "OptionalInteractiveUser" with certificates enabled
#     - absent or null (the default is disabled)
#   not_flagged:
#     - >-
#       Function apps: their HTTP triggers are usually called by services with keys or
#       tokens, and CIS 9.4 concerns web apps. Unknown values.
package iac_guard.azure.appservice.client_certificates

import data.iac_guard.lib
import rego.v1

current_types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]

legacy_types := ["azurerm_app_service", "azurerm_app_service_slot"]

deny contains result if {
	some rtype in current_types
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "client_certificate_enabled")
	result := lib.finding(r, sprintf("web app %s does not require client certificates", [r.address]), "client_certificate_enabled")
}

deny contains result if {
	some rtype in legacy_types
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "client_cert_enabled")
	result := lib.finding(r, sprintf("web app %s does not require client certificates", [r.address]), "client_cert_enabled")
}

deny contains result if {
	some rtype in array.concat(current_types, legacy_types)
	some r in lib.managed(rtype)
	lib.lowercase(r.values.client_certificate_mode) in {"optional", "optionalinteractiveuser"}
	some key in ["client_certificate_enabled", "client_cert_enabled"]
	lib.is_true(r.values[key])
	result := lib.finding(r, sprintf("web app %s accepts requests without a client certificate (client_certificate_mode %s)", [r.address, r.values.client_certificate_mode]), "client_certificate_mode")
}
