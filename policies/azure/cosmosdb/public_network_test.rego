package iac_guard.azure.cosmosdb.public_network_test

import data.iac_guard.azure.cosmosdb.public_network
import data.iac_guard.testing
import rego.v1

cosmos(name, values) := testing.tf_resource("azurerm_cosmosdb_account", name, values)

test_open_account_is_denied if {
	public_network.deny == {{
		"msg": "Cosmos DB account azurerm_cosmosdb_account.db accepts traffic from any network",
		"resource": "azurerm_cosmosdb_account.db",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([cosmos("db", {})])
}

test_empty_filters_in_every_form_are_denied if {
	testing.addresses(public_network.deny) == {"azurerm_cosmosdb_account.a", "azurerm_cosmosdb_account.b", "azurerm_cosmosdb_account.c"} with input as testing.tf([
		cosmos("a", {"public_network_access_enabled": true, "ip_range_filter": ""}),
		cosmos("b", {"ip_range_filter": [], "is_virtual_network_filter_enabled": false}),
		cosmos("c", {"ip_range_filter": null, "public_network_access_enabled": null}),
	])
}

test_restricted_in_every_form_or_unknown_passes if {
	count(public_network.deny) == 0 with input as testing.tf([
		cosmos("a", {"public_network_access_enabled": false}),
		cosmos("b", {"ip_range_filter": "203.0.113.4,198.51.100.0/24"}),
		cosmos("c", {"ip_range_filter": ["203.0.113.4"]}),
		cosmos("d", {"is_virtual_network_filter_enabled": true}),
		cosmos("e", {"public_network_access_enabled": testing.unknown("var.public")}),
		cosmos("f", {"ip_range_filter": testing.unknown("var.ips")}),
	])
}
