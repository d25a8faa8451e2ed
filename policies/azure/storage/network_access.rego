# METADATA
# title: Storage account accepts traffic from any network
# description: >-
#   With public network access on and no network rules denying by default, the account's
#   endpoints answer requests from every address on the internet; a leaked key or SAS
#   token works from anywhere.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
# custom:
#   id: IAC-AZ-STORAGE-005
#   severity: medium
#   remediation: >-
#     Add `network_rules { default_action = "Deny" }` with the allowed `ip_rules` /
#     `virtual_network_subnet_ids` (or an `azurerm_storage_account_network_rules`), or set
#     `public_network_access_enabled = false` and use private endpoints.
#   frameworks: [CIS-AZURE-3.8]
#   kinds: [terraform]
#   forms:
#     - >-
#       an `azurerm_storage_account` with public network access on and no `network_rules`
#       denying by default
#     - >-
#       `network_rules` (inline) or a separate `azurerm_storage_account_network_rules` with
#       `default_action = "Allow"`, or with a world entry (`0.0.0.0/0`, any /0) in
#       `ip_rules` under Deny
#     - >-
#       a separate `azurerm_storage_account_network_rules` is judged on its own, named by
#       `storage_account_id` or `storage_account_name`, whether or not its account is in the
#       scanned code
#   not_flagged:
#     - >-
#       an account named by separate network rules is not reported itself: the rules
#       resource carries the setting
#     - >-
#       network rules of an account whose `public_network_access_enabled` is false
package iac_guard.azure.storage.network_access

import data.iac_guard.lib
import rego.v1

# Network rules restrict an account when they deny by default and no IP rule admits
# every address (`ip_rules = ["0.0.0.0/0"]` under `default_action = "Deny"` opens the
# account to the internet as much as "Allow" does). Unknown values restrict (nothing
# can be concluded from them).
restricts(rules) if {
	denies_by_default(rules)
	not world_ip_rule(rules)
}

denies_by_default(rules) if lib.lowercase(rules.default_action) == "deny"

denies_by_default(rules) if lib.is_unknown(rules.default_action)

world_ip_rule(rules) if {
	some ip in lib.items(rules.ip_rules)
	lib.is_world(ip)
}

# Every account that a separate azurerm_storage_account_network_rules names, by
# `storage_account_id` or (azurerm v2) `storage_account_name`, by reference or literal
# name: the separate resource carries the setting and is judged on its own below.
separate_rules contains key if {
	some n in lib.resources("azurerm_storage_account_network_rules")
	some attr in ["storage_account_id", "storage_account_name"]
	some key in lib.pointer_keys(n, n.values[attr])
}

# Accounts in the scanned code that turn public network access off: no network rule
# resource naming one of them can open it.
closed_accounts contains key if {
	some r in lib.managed("azurerm_storage_account")
	closed(r)
	some key in {lib.address_key(r), object.get(r.values, "name", lib.address_key(r))}
}

closed(r) if lib.is_false(r.values.public_network_access_enabled)

closed(r) if lib.is_unknown(r.values.public_network_access_enabled)

restricted(r) if closed(r)

restricted(r) if restricts(lib.block(r.values, "network_rules"))

restricted(r) if lib.block_unknown(r.values, "network_rules", "default_action")

restricted(r) if lib.is_unknown(r.values.network_rules)

restricted(r) if lib.pointed_at(r, separate_rules, "name")

deny contains result if {
	some r in lib.managed("azurerm_storage_account")
	not restricted(r)
	result := lib.finding(r, sprintf("storage account %s accepts traffic from any network", [r.address]), network_attribute(r))
}

network_attribute(r) := "network_rules.0.ip_rules" if world_ip_rule(lib.block(r.values, "network_rules"))

network_attribute(r) := "network_rules" if not world_ip_rule(lib.block(r.values, "network_rules"))

# A separate network rules resource, judged whether or not its account is in the file.
deny contains result if {
	some n in lib.managed("azurerm_storage_account_network_rules")
	not restricts(n.values)
	not names_closed_account(n)
	attr := rules_attribute(n.values)
	result := lib.finding(n, sprintf("%s lets any network reach its storage account", [n.address]), attr)
}

names_closed_account(n) if {
	some attr in ["storage_account_id", "storage_account_name"]
	some key in lib.pointer_keys(n, n.values[attr])
	closed_accounts[key]
}

rules_attribute(values) := "ip_rules" if world_ip_rule(values)

rules_attribute(values) := "default_action" if not world_ip_rule(values)
