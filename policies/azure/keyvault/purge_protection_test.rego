package iac_guard.azure.keyvault.purge_protection_test

import data.iac_guard.azure.keyvault.purge_protection
import data.iac_guard.testing
import rego.v1

test_vault_without_purge_protection_is_denied if {
	purge_protection.deny == {{
		"msg": "Key Vault azurerm_key_vault.kv has no purge protection",
		"resource": "azurerm_key_vault.kv",
		"file": "main.tf",
		"attribute": "purge_protection_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_key_vault", "kv", {"sku_name": "standard"})])
}

test_protected_vault_passes if {
	count(purge_protection.deny) == 0 with input as testing.tf([testing.tf_resource("azurerm_key_vault", "kv", {"purge_protection_enabled": true})])
}
