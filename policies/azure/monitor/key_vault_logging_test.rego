package iac_guard.azure.monitor.key_vault_logging_test

import data.iac_guard.azure.monitor.key_vault_logging
import data.iac_guard.testing
import rego.v1

vault(name) := testing.tf_resource("azurerm_key_vault", name, {"name": sprintf("%s-kv", [name])})

setting(name, target, values) := testing.tf_resource("azurerm_monitor_diagnostic_setting", name, object.union({"target_resource_id": target}, values))

test_vault_without_setting_is_denied if {
	key_vault_logging.deny == {{
		"msg": "Key Vault azurerm_key_vault.kv has no diagnostic setting exporting its audit log",
		"resource": "azurerm_key_vault.kv",
		"file": "main.tf",
		"attribute": "name",
	}} with input as testing.tf([vault("kv")])
}

test_settings_without_audit_logs_are_denied if {
	testing.addresses(key_vault_logging.deny) == {"azurerm_key_vault.a", "azurerm_key_vault.b", "azurerm_key_vault.c"} with input as testing.tf([
		vault("a"),
		setting("a", testing.unknown("azurerm_key_vault.a.id"), {"metric": [{"category": "AllMetrics"}]}),
		vault("b"),
		setting("b", testing.unknown("azurerm_key_vault.b.id"), {"log": [{"category": "AuditEvent", "enabled": false}]}),
		vault("c"),
		setting("c", testing.unknown("azurerm_key_vault.other.id"), {"enabled_log": [{"category": "AuditEvent"}]}),
	])
}

test_audit_logs_in_every_form_pass if {
	count(key_vault_logging.deny) == 0 with input as testing.tf([
		vault("a"),
		setting("a", testing.unknown("azurerm_key_vault.a.id"), {"enabled_log": [{"category": "AuditEvent"}]}),
		vault("b"),
		setting("b", testing.unknown("azurerm_key_vault.b.id"), {"enabled_log": [{"category_group": "audit"}]}),
		vault("c"),
		setting("c", testing.unknown("azurerm_key_vault.c.id"), {"log": [{"category": "AuditEvent"}]}),
		vault("d"),
		setting("d", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/d-kv", {"log": [{"category_group": "allLogs", "enabled": true}]}),
		vault("e"),
		setting("e", testing.unknown("azurerm_key_vault.e.id"), {"enabled_log": testing.unknown("local.logs")}),
	])
}

test_unresolved_target_passes if {
	count(key_vault_logging.deny) == 0 with input as testing.tf([
		vault("a"),
		setting("all", testing.unknown("each.value"), {"enabled_log": [{"category": "AuditEvent"}]}),
	])
}
