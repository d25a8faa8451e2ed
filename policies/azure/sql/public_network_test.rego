package iac_guard.azure.sql.public_network_test

import data.iac_guard.azure.sql.public_network
import data.iac_guard.testing
import rego.v1

test_default_public_access_is_denied if {
	public_network.deny == {{
		"msg": "database server azurerm_mssql_server.sql allows public network access",
		"resource": "azurerm_mssql_server.sql",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_mssql_server", "sql", {"version": "12.0"})])
}

test_private_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_mssql_server", "a", {"public_network_access_enabled": false}),
		testing.tf_resource("azurerm_postgresql_server", "b", {"public_network_access_enabled": testing.unknown("var.public")}),
	])
}
