package iac_guard.azure.sql.firewall_open_test

import data.iac_guard.azure.sql.firewall_open
import data.iac_guard.testing
import rego.v1

test_whole_internet_rule_is_denied if {
	firewall_open.deny == {{
		"msg": "firewall rule azurerm_mssql_firewall_rule.all allows every IP address",
		"resource": "azurerm_mssql_firewall_rule.all",
		"file": "main.tf",
		"attribute": "end_ip_address",
	}} with input as testing.tf([testing.tf_resource("azurerm_mssql_firewall_rule", "all", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})])
}

test_narrow_rules_pass if {
	count(firewall_open.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_mssql_firewall_rule", "office", {"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}),
		testing.tf_resource("azurerm_postgresql_firewall_rule", "var", {"start_ip_address": "0.0.0.0", "end_ip_address": testing.unknown("var.end")}),
	])
}

test_wide_ranges_and_azure_services if {
	testing.located(firewall_open.deny) == {
		["azurerm_mysql_flexible_server_firewall_rule.most", "end_ip_address"],
		["azurerm_sql_firewall_rule.azure_services", "start_ip_address"],
		["azurerm_postgresql_flexible_server_firewall_rule.padded", "end_ip_address"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_mysql_flexible_server_firewall_rule", "most", {"start_ip_address": "1.0.0.0", "end_ip_address": "254.255.255.255"}),
		testing.tf_resource("azurerm_sql_firewall_rule", "azure_services", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}),
		testing.tf_resource("azurerm_postgresql_flexible_server_firewall_rule", "padded", {"start_ip_address": " 0.0.0.0", "end_ip_address": "255.255.255.255 "}),
		testing.tf_resource("azurerm_mariadb_firewall_rule", "quarter", {"start_ip_address": "0.0.0.0", "end_ip_address": "63.255.255.255"}),
		testing.tf_resource("azurerm_mssql_firewall_rule", "single", {"start_ip_address": "203.0.113.7", "end_ip_address": "203.0.113.7"}),
		testing.tf_resource("azurerm_mssql_firewall_rule", "invalid", {"start_ip_address": "0.0.0.0", "end_ip_address": "999.0.0.1"}),
	])
}

test_messages if {
	{f.msg | some f in firewall_open.deny} == {
		"firewall rule azurerm_mssql_firewall_rule.most allows most of the internet (1.0.0.0 - 254.255.255.255)",
		"firewall rule azurerm_mssql_firewall_rule.azure allows every Azure service, other tenants' included (0.0.0.0 - 0.0.0.0)",
	} with input as testing.tf([
		testing.tf_resource("azurerm_mssql_firewall_rule", "most", {"start_ip_address": "1.0.0.0", "end_ip_address": "254.255.255.255"}),
		testing.tf_resource("azurerm_mssql_firewall_rule", "azure", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}),
	])
}
