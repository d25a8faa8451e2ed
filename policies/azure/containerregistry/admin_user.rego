# METADATA
# title: Container registry admin user is enabled
# description: >-
#   The admin user is a single shared account with push and pull rights over the whole
#   registry, authenticated by a static password: it cannot be scoped or tied to a
#   person, so a leaked password lets anyone replace images.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account
# custom:
#   id: IAC-AZ-ACR-001
#   severity: high
#   remediation: 'Set `admin_enabled = false` (the default) and use Entra ID identities or repository-scoped tokens.'
#   kinds: [terraform]
#   forms:
#     - admin_enabled = true (a boolean or the string "true")
#   not_flagged:
#     - >-
#       An unset attribute: it defaults to false. Unknown values.
package iac_guard.azure.containerregistry.admin_user

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_container_registry")
	lib.is_true(r.values.admin_enabled)
	result := lib.finding(r, sprintf("container registry %s has the admin user enabled", [r.address]), "admin_enabled")
}
