package iac_guard.azure.mysql.firewall_azure_services_test

import data.iac_guard.azure.mysql.firewall_azure_services
import data.iac_guard.testing
import rego.v1

rule(rtype, name, start, end) := testing.tf_resource(rtype, name, {"start_ip_address": start, "end_ip_address": end})

test_azure_services_rule_is_denied if {
	firewall_azure_services.deny == {{
		"msg": "MySQL firewall rule azurerm_mysql_flexible_server_firewall_rule.azure admits every Azure service (0.0.0.0)",
		"resource": "azurerm_mysql_flexible_server_firewall_rule.azure",
		"file": "main.tf",
		"attribute": "start_ip_address",
	}} with input as testing.tf([rule("azurerm_mysql_flexible_server_firewall_rule", "azure", "0.0.0.0", "0.0.0.0")])
}

test_single_server_rule_is_denied if {
	testing.addresses(firewall_azure_services.deny) == {"azurerm_mysql_firewall_rule.a"} with input as testing.tf([rule("azurerm_mysql_firewall_rule", "a", "0.0.0.0", "0.0.0.0")])
}

test_specific_internet_or_unknown_rules_pass if {
	count(firewall_azure_services.deny) == 0 with input as testing.tf([
		rule("azurerm_mysql_flexible_server_firewall_rule", "a", "203.0.113.1", "203.0.113.9"),
		rule("azurerm_mysql_flexible_server_firewall_rule", "b", "0.0.0.0", "255.255.255.255"),
		rule("azurerm_mysql_firewall_rule", "c", testing.unknown("var.start"), "0.0.0.0"),
	])
}
