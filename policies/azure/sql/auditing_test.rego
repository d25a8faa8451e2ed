package iac_guard.azure.sql.auditing_test

import data.iac_guard.azure.sql.auditing
import data.iac_guard.testing
import rego.v1

test_server_without_auditing_is_denied if {
	auditing.deny == {{
		"msg": "SQL server azurerm_mssql_server.sql has no auditing policy",
		"resource": "azurerm_mssql_server.sql",
		"file": "main.tf",
		"attribute": "extended_auditing_policy",
	}} with input as testing.tf([testing.tf_resource("azurerm_mssql_server", "sql", {})])
}

test_inline_or_separate_auditing_passes if {
	count(auditing.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_sql_server", "old", {"extended_auditing_policy": [{"retention_in_days": 90}]}),
		testing.tf_resource("azurerm_mssql_server", "new", {}),
		testing.tf_resource("azurerm_mssql_server_extended_auditing_policy", "new", {"server_id": testing.unknown("azurerm_mssql_server.new.id"), "retention_in_days": 90}),
	])
}
