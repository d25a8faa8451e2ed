package iac_guard.azure.cosmosdb.metadata_writes_test

import data.iac_guard.azure.cosmosdb.metadata_writes
import data.iac_guard.testing
import rego.v1

cosmos(name, values) := testing.tf_resource("azurerm_cosmosdb_account", name, values)

test_default_is_denied if {
	metadata_writes.deny == {{
		"msg": "Cosmos DB account azurerm_cosmosdb_account.db lets account keys change databases and containers",
		"resource": "azurerm_cosmosdb_account.db",
		"file": "main.tf",
		"attribute": "access_key_metadata_writes_enabled",
	}} with input as testing.tf([cosmos("db", {})])
}

test_enabled_or_null_is_denied if {
	testing.addresses(metadata_writes.deny) == {"azurerm_cosmosdb_account.a", "azurerm_cosmosdb_account.b"} with input as testing.tf([
		cosmos("a", {"access_key_metadata_writes_enabled": true}),
		cosmos("b", {"access_key_metadata_writes_enabled": null}),
	])
}

test_disabled_or_unknown_passes if {
	count(metadata_writes.deny) == 0 with input as testing.tf([
		cosmos("a", {"access_key_metadata_writes_enabled": false}),
		cosmos("b", {"access_key_metadata_writes_enabled": testing.unknown("var.writes")}),
	])
}
