# METADATA
# title: App Service app accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by industry
#   standards such as PCI DSS; an app (or its Kudu/SCM deployment site) that accepts them
#   lets clients negotiate them.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-tls
# custom:
#   id: IAC-AZ-APP-002
#   severity: medium
#   remediation: >-
#     Set `site_config { minimum_tls_version = "1.2" }` and `scm_minimum_tls_version =
#     "1.2"` (legacy azurerm_app_service / azurerm_function_app: `min_tls_version` and
#     `scm_min_tls_version`), or remove them: they default to 1.2.
#   frameworks: [CIS-AZURE-9.3]
#   kinds: [terraform]
#   forms:
#     - site_config.minimum_tls_version / scm_minimum_tls_version (current resources)
#     - site_config.min_tls_version / scm_min_tls_version (legacy resources)
#     - the version as a string ("1.1") or a number (1.1)
#   not_flagged:
#     - >-
#       An unset version: every resource type defaults to 1.2. Unknown values.
package iac_guard.azure.appservice.min_tls

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

tls_keys := ["minimum_tls_version", "scm_minimum_tls_version", "min_tls_version", "scm_min_tls_version"]

old_versions := {"1.0", "1.1", "1", 1, 1.1}

deny contains result if {
	some rtype in app_types
	some r in lib.managed(rtype)
	config := lib.block(r.values, "site_config")
	some key in tls_keys
	version := config[key]
	old_versions[version]
	result := lib.finding(r, sprintf("app %s accepts TLS %v (site_config.%s)", [r.address, version, key]), sprintf("site_config.0.%s", [key]))
}
