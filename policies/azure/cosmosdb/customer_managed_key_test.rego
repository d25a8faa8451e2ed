package iac_guard.azure.cosmosdb.customer_managed_key_test

import data.iac_guard.azure.cosmosdb.customer_managed_key
import data.iac_guard.testing
import rego.v1

cosmos(name, values) := testing.tf_resource("azurerm_cosmosdb_account", name, values)

test_account_without_key_is_denied if {
	customer_managed_key.deny == {{
		"msg": "Cosmos DB account azurerm_cosmosdb_account.db is not encrypted with a customer-managed key",
		"resource": "azurerm_cosmosdb_account.db",
		"file": "main.tf",
		"attribute": "key_vault_key_id",
	}} with input as testing.tf([cosmos("db", {})])
}

test_empty_or_null_key_is_denied if {
	testing.addresses(customer_managed_key.deny) == {"azurerm_cosmosdb_account.a", "azurerm_cosmosdb_account.b"} with input as testing.tf([
		cosmos("a", {"key_vault_key_id": ""}),
		cosmos("b", {"key_vault_key_id": null}),
	])
}

test_key_or_unknown_passes if {
	count(customer_managed_key.deny) == 0 with input as testing.tf([
		cosmos("a", {"key_vault_key_id": "https://kv.vault.azure.net/keys/cosmos"}),
		cosmos("b", {"key_vault_key_id": testing.unknown("azurerm_key_vault_key.k.versionless_id")}),
	])
}
