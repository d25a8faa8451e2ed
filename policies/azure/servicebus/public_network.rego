# METADATA
# title: Service Bus namespace accepts traffic from any network
# description: >-
#   With public network access on (the default) and no network rule set denying by
#   default, the namespace answers every address on the internet: a leaked connection
#   string or token works from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/service-bus-messaging/network-security
# custom:
#   id: IAC-AZ-SERVICEBUS-001
#   severity: medium
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, or add
#     `network_rule_set { default_action = "Deny", ip_rule { ... } }` (or an `azurerm_servicebus_namespace_network_rule_set`).
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - network_rule_set { default_action } block, absent or "Allow"
#     - a separate azurerm_servicebus_namespace_network_rule_set (azurerm v2/v3) with default_action "Deny", by reference to namespace_id
#   not_flagged:
#     - >-
#       Unknown values. Which addresses a Deny rule set then allows.
package iac_guard.azure.servicebus.public_network

import data.iac_guard.lib
import rego.v1

denies(rules) if lib.lowercase(rules.default_action) == "deny"

denies(rules) if lib.is_unknown(rules.default_action)

restricted(r) if not lib.true_or_missing(r.values, "public_network_access_enabled")

restricted(r) if denies(lib.block(r.values, "network_rule_set"))

restricted(r) if lib.is_unknown(r.values.network_rule_set)

# Namespaces restricted by a separate azurerm_servicebus_namespace_network_rule_set that denies by default.
separate_rules contains key if {
	some n in lib.resources("azurerm_servicebus_namespace_network_rule_set")
	denies(n.values)
	some key in lib.pointer_keys(n, n.values.namespace_id)
}

restricted(r) if lib.pointed_at(r, separate_rules, "id")

deny contains result if {
	some r in lib.managed("azurerm_servicebus_namespace")
	not restricted(r)
	result := lib.finding(r, sprintf("Service Bus namespace %s accepts traffic from any network", [r.address]), "public_network_access_enabled")
}
