# METADATA
# title: Key Vault has no diagnostic setting for its audit log
# description: >-
#   Without a diagnostic setting that exports the AuditEvent log, nobody can tell who
#   read which secret or key, or when: a leak or misuse of the vault leaves no trace.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/logging
# custom:
#   id: IAC-AZ-MON-004
#   severity: medium
#   remediation: >-
#     Add an `azurerm_monitor_diagnostic_setting` with `target_resource_id =
#     azurerm_key_vault.<name>.id`, a destination (`log_analytics_workspace_id` or
#     `storage_account_id`) and `enabled_log { category_group = "audit" }` (or
#     `category = "AuditEvent"`).
#   frameworks: [CIS-AZURE-5.1.5]
#   kinds: [terraform]
#   forms:
#     - enabled_log { category = "AuditEvent" } or { category_group = "audit" / "allLogs" } (azurerm v3.39 and later)
#     - log { category / category_group, enabled } (azurerm v2/v3; enabled defaults to true)
#     - target_resource_id as a reference to the vault (or a literal id ending in the vault name)
#   not_flagged:
#     - >-
#       Vaults logged by a diagnostic setting whose target or log blocks are unknown, and
#       vaults covered by a subscription-wide Azure Policy (deployIfNotExists) the code
#       does not show. Retention of the destination.
package iac_guard.azure.monitor.key_vault_logging

import data.iac_guard.lib
import rego.v1

audit_categories := {"auditevent", "audit", "alllogs"}

audits(values) if {
	some block in ["enabled_log", "log"]
	some entry in lib.items(values[block])
	is_object(entry)
	not lib.is_false(object.get(entry, "enabled", true))
	some key in ["category", "category_group"]
	lib.lowercase(entry[key]) in audit_categories
}

audits(values) if {
	some block in ["enabled_log", "log"]
	lib.is_unknown(values[block])
}

audits(values) if {
	some block in ["enabled_log", "log"]
	some entry in lib.items(values[block])
	some key in ["category", "category_group"]
	lib.is_unknown(entry[key])
}

# Targets of auditing diagnostic settings: the vault's address for references, the
# vault name (last segment) for literal resource ids.
logged contains key if {
	some d in lib.resources("azurerm_monitor_diagnostic_setting")
	audits(d.values)
	some key in targets(d, d.values.target_resource_id)
}

targets(d, value) := lib.pointer_keys(d, value) if lib.is_unknown(value)

targets(_, value) := {parts[count(parts) - 1]} if {
	is_string(value)
	parts := split(trim_right(value, "/"), "/")
}

# A diagnostic setting whose target is an expression iac-guard cannot follow
# (`each.value`, a module output): it may log any vault of its root module.
unresolved contains lib.scope(d) if {
	some d in lib.resources("azurerm_monitor_diagnostic_setting")
	audits(d.values)
	src := lib.unknown_source(d.values.target_resource_id)
	not regex.match(`^(data\.)?[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_-]*\.`, src)
}

deny contains result if {
	some r in lib.managed("azurerm_key_vault")
	not lib.pointed_at(r, logged, "name")
	not unresolved[lib.scope(r)]
	result := lib.finding(r, sprintf("Key Vault %s has no diagnostic setting exporting its audit log", [r.address]), "name")
}
