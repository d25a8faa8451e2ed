# METADATA
# title: Event Hubs namespace accepts traffic from any network
# description: >-
#   With public network access on (the default) and no network rule set denying by
#   default, the namespace answers every address on the internet: a leaked connection
#   string or token works from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/event-hubs/network-security
# custom:
#   id: IAC-AZ-EVENTHUB-001
#   severity: medium
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, or add
#     `network_rulesets { default_action = "Deny", ip_rule { ... } }`.
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - network_rulesets { default_action } block, absent or "Allow"
#   not_flagged:
#     - >-
#       Unknown values. Which addresses a Deny rule set then allows.
package iac_guard.azure.eventhub.public_network

import data.iac_guard.lib
import rego.v1

denies(rules) if lib.lowercase(rules.default_action) == "deny"

denies(rules) if lib.is_unknown(rules.default_action)

restricted(r) if not lib.true_or_missing(r.values, "public_network_access_enabled")

restricted(r) if denies(lib.block(r.values, "network_rulesets"))

restricted(r) if lib.is_unknown(r.values.network_rulesets)

deny contains result if {
	some r in lib.managed("azurerm_eventhub_namespace")
	not restricted(r)
	result := lib.finding(r, sprintf("Event Hubs namespace %s accepts traffic from any network", [r.address]), "public_network_access_enabled")
}
