package iac_guard.azure.cosmosdb.ip_filter_open_test

import data.iac_guard.azure.cosmosdb.ip_filter_open
import data.iac_guard.testing
import rego.v1

cosmos(name, values) := testing.tf_resource("azurerm_cosmosdb_account", name, values)

test_azure_datacenters_in_string_form_are_denied if {
	ip_filter_open.deny == {{
		"msg": "Cosmos DB account azurerm_cosmosdb_account.db IP filter admits 0.0.0.0",
		"resource": "azurerm_cosmosdb_account.db",
		"file": "main.tf",
		"attribute": "ip_range_filter",
	}} with input as testing.tf([cosmos("db", {"ip_range_filter": "203.0.113.4, 0.0.0.0"})])
}

test_every_form_is_denied if {
	testing.located(ip_filter_open.deny) == {
		["azurerm_cosmosdb_account.a", "ip_range_filter.1"],
		["azurerm_cosmosdb_account.b", "ip_range_filter"],
		["azurerm_cosmosdb_account.c", "ip_range_filter.0"],
	} with input as testing.tf([
		cosmos("a", {"ip_range_filter": ["203.0.113.4", "0.0.0.0"]}),
		cosmos("b", {"ip_range_filter": "0.0.0.0/0", "public_network_access_enabled": true}),
		cosmos("c", {"ip_range_filter": ["10.1.2.3/0"]}),
	])
}

test_specific_private_or_unknown_pass if {
	count(ip_filter_open.deny) == 0 with input as testing.tf([
		cosmos("a", {"ip_range_filter": "203.0.113.4,198.51.100.0/24"}),
		cosmos("b", {"ip_range_filter": ["203.0.113.4"]}),
		cosmos("c", {"ip_range_filter": "0.0.0.0", "public_network_access_enabled": false}),
		cosmos("d", {"ip_range_filter": [testing.unknown("var.ip")]}),
		cosmos("e", {"ip_range_filter": testing.unknown("var.ips")}),
		cosmos("f", {"ip_range_filter": "0.0.0.0", "public_network_access_enabled": testing.unknown("var.public")}),
	])
}
