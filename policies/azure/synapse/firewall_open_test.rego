package iac_guard.azure.synapse.firewall_open_test

import data.iac_guard.azure.synapse.firewall_open
import data.iac_guard.testing
import rego.v1

rule(name, start, end) := testing.tf_resource("azurerm_synapse_firewall_rule", name, {"start_ip_address": start, "end_ip_address": end})

test_allow_all_is_denied if {
	firewall_open.deny == {{
		"msg": "Synapse firewall rule azurerm_synapse_firewall_rule.all admits every internet address",
		"resource": "azurerm_synapse_firewall_rule.all",
		"file": "main.tf",
		"attribute": "end_ip_address",
	}} with input as testing.tf([rule("all", "0.0.0.0", "255.255.255.255")])
}

test_azure_services_rule_is_denied if {
	{f.msg | some f in firewall_open.deny} == {"Synapse firewall rule azurerm_synapse_firewall_rule.azure admits every Azure service"} with input as testing.tf([rule("azure", "0.0.0.0", "0.0.0.0")])
}

test_specific_or_unknown_rules_pass if {
	count(firewall_open.deny) == 0 with input as testing.tf([
		rule("a", "203.0.113.1", "203.0.113.9"),
		rule("b", "0.0.0.0", testing.unknown("var.end")),
	])
}
