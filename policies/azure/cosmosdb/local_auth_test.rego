package iac_guard.azure.cosmosdb.local_auth_test

import data.iac_guard.azure.cosmosdb.local_auth
import data.iac_guard.testing
import rego.v1

cosmos(name, values) := testing.tf_resource("azurerm_cosmosdb_account", name, values)

test_default_is_denied if {
	local_auth.deny == {{
		"msg": "Cosmos DB account azurerm_cosmosdb_account.db accepts account-key authentication",
		"resource": "azurerm_cosmosdb_account.db",
		"file": "main.tf",
		"attribute": "local_authentication_disabled",
	}} with input as testing.tf([cosmos("db", {"local_authentication_disabled": false})])
}

test_absent_or_null_is_denied if {
	testing.addresses(local_auth.deny) == {"azurerm_cosmosdb_account.a", "azurerm_cosmosdb_account.b"} with input as testing.tf([
		cosmos("a", {}),
		cosmos("b", {"local_authentication_disabled": null}),
	])
}

test_disabled_or_unknown_passes if {
	count(local_auth.deny) == 0 with input as testing.tf([
		cosmos("a", {"local_authentication_disabled": true}),
		cosmos("b", {"local_authentication_disabled": testing.unknown("var.local")}),
	])
}
