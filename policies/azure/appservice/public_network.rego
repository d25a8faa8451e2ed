# METADATA
# title: App Service app is reachable from any network
# description: >-
#   With public network access on and no access restriction, the app (and its
#   functions) answers every address on the internet. Apps meant for internal users or
#   other services should be reached through private endpoints or restricted addresses.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-access-restrictions
# custom:
#   id: IAC-AZ-APP-009
#   severity: low
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, or restrict
#     callers with `site_config { ip_restriction { ... } }` (or
#     `ip_restriction_default_action = "Deny"`).
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - site_config.ip_restriction blocks (any rule denies everything else), unless one
#       allows 0.0.0.0/0, ::/0 or the Internet service tag
#     - site_config.ip_restriction_default_action = "Deny"
#     - current web and function apps and their slots
#   not_flagged:
#     - >-
#       Legacy azurerm_app_service / azurerm_function_app, which have no public network
#       setting. Unknown values. Public websites are flagged too (low severity): the scanner
#       cannot tell a public site from an internal one.
package iac_guard.azure.appservice.public_network

import data.iac_guard.lib
import rego.v1

app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
]

restricted(values) if not lib.true_or_missing(values, "public_network_access_enabled")

restricted(values) if lib.is_unknown(values.site_config)

restricted(values) if {
	config := lib.block(values, "site_config")
	restricted_site(config)
}

restricted_site(config) if lib.is_unknown(config)

restricted_site(config) if {
	lib.has_block(config, "ip_restriction")
	not world_allowed(config)
}

# An Allow rule (the default action) for 0.0.0.0/0, ::/0 or the Internet service tag.
world_allowed(config) if {
	some rule in lib.items(config.ip_restriction)
	is_object(rule)
	lib.lowercase(object.get(rule, "action", "Allow")) == "allow"
	some key in ["ip_address", "service_tag"]
	lib.is_world(rule[key])
}

restricted_site(config) if lib.is_unknown(config.ip_restriction)

restricted_site(config) if lib.lowercase(config.ip_restriction_default_action) == "deny"

restricted_site(config) if lib.is_unknown(config.ip_restriction_default_action)

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	not restricted(r.values)
	result := lib.finding(r, sprintf("app %s is reachable from any network", [r.address]), "public_network_access_enabled")
}
