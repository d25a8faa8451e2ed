# METADATA
# title: Container registry allows anonymous pull
# description: >-
#   With anonymous pull, anyone on the internet can list and download the registry's
#   images without credentials: proprietary code, embedded configuration and any secret
#   baked into a layer become public.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access
# custom:
#   id: IAC-AZ-ACR-003
#   severity: high
#   remediation: 'Set `anonymous_pull_enabled = false` (the default).'
#   kinds: [terraform]
#   forms:
#     - anonymous_pull_enabled = true (a boolean or the string "true")
#   not_flagged:
#     - >-
#       An unset attribute: it defaults to false. Unknown values. Registries that are meant
#       to publish public images are flagged too.
package iac_guard.azure.containerregistry.anonymous_pull

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_container_registry")
	lib.is_true(r.values.anonymous_pull_enabled)
	result := lib.finding(r, sprintf("container registry %s allows anonymous pull", [r.address]), "anonymous_pull_enabled")
}
