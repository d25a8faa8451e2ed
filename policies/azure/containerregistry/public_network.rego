# METADATA
# title: Container registry accepts traffic from any network
# description: >-
#   With public network access on and no network rule set denying by default, the
#   registry answers every address on the internet: stolen credentials or tokens can
#   pull (or push) images from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/container-registry-access-selected-networks
# custom:
#   id: IAC-AZ-ACR-002
#   severity: medium
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, or (Premium
#     SKU) add `network_rule_set { default_action = "Deny", ip_rule { ... } }`.
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - network_rule_set { default_action } block, absent or "Allow" (its default)
#   not_flagged:
#     - >-
#       Unknown values. A Deny rule set on a Basic or Standard registry is taken as
#       restricting, although Azure only applies rule sets on Premium.
package iac_guard.azure.containerregistry.public_network

import data.iac_guard.lib
import rego.v1

restricted(values) if not lib.true_or_missing(values, "public_network_access_enabled")

restricted(values) if lib.lowercase(lib.block(values, "network_rule_set").default_action) == "deny"

restricted(values) if lib.block_unknown(values, "network_rule_set", "default_action")

deny contains result if {
	some r in lib.managed("azurerm_container_registry")
	not restricted(r.values)
	result := lib.finding(r, sprintf("container registry %s accepts traffic from any network", [r.address]), "public_network_access_enabled")
}
