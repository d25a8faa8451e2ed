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
