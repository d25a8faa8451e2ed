package iac_guard.azure.storage.network_access_test

import data.iac_guard.azure.storage.network_access
import data.iac_guard.testing
import rego.v1

test_open_account_is_denied if {
	network_access.deny == {{
		"msg": "storage account azurerm_storage_account.sa accepts traffic from any network",
		"resource": "azurerm_storage_account.sa",
		"file": "main.tf",
		"attribute": "network_rules",
	}} with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "sa", {"network_rules": [{"default_action": "Allow"}]}),
		testing.tf_resource("azurerm_storage_account", "denied", {"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.4"]}]}),
	])
}

test_private_or_separately_restricted_accounts_pass if {
	count(network_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "a", {"public_network_access_enabled": false}),
		testing.tf_resource("azurerm_storage_account", "b", {}),
		testing.tf_resource("azurerm_storage_account_network_rules", "b", {"storage_account_id": testing.unknown("azurerm_storage_account.b.id"), "default_action": "Deny"}),
	])
}

# azurerm v2 named the account with storage_account_name (a reference or the literal name).
test_rules_naming_the_account_pass if {
	network_access.deny == {{
		"msg": "azurerm_storage_account_network_rules.open lets any network reach its storage account",
		"resource": "azurerm_storage_account_network_rules.open",
		"file": "main.tf",
		"attribute": "default_action",
	}} with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "a", {"name": "logsacct"}),
		testing.tf_resource("azurerm_storage_account_network_rules", "a", {"storage_account_name": testing.unknown("azurerm_storage_account.a.name"), "resource_group_name": "rg", "default_action": "Deny"}),
		testing.tf_resource("azurerm_storage_account", "b", {"name": "dataacct"}),
		testing.tf_resource("azurerm_storage_account_network_rules", "b", {"storage_account_name": "dataacct", "resource_group_name": "rg", "default_action": "Deny"}),
		testing.tf_resource("azurerm_storage_account", "open", {"name": "openacct"}),
		testing.tf_resource("azurerm_storage_account_network_rules", "open", {"storage_account_name": "openacct", "resource_group_name": "rg", "default_action": "Allow"}),
	])
}

test_world_ip_rule_under_deny_is_open if {
	testing.located(network_access.deny) == {
		["azurerm_storage_account.inline", "network_rules.0.ip_rules"],
		["azurerm_storage_account_network_rules.separate", "ip_rules"],
		["azurerm_storage_account_network_rules.alone", "default_action"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "inline", {"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24", "0.0.0.0/0"]}]}),
		testing.tf_resource("azurerm_storage_account", "fine", {"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]}]}),
		testing.tf_resource("azurerm_storage_account", "sep", {}),
		testing.tf_resource("azurerm_storage_account_network_rules", "separate", {"storage_account_id": testing.unknown("azurerm_storage_account.sep.id"), "default_action": "Deny", "ip_rules": ["0.0.0.0/0"]}),
		# judged on its own: the account it names is not in the scanned code
		testing.tf_resource("azurerm_storage_account_network_rules", "alone", {"storage_account_id": testing.unknown("var.account_id"), "default_action": "Allow"}),
		testing.tf_resource("azurerm_storage_account_network_rules", "alone_ok", {"storage_account_id": testing.unknown("var.account_id"), "default_action": "Deny", "ip_rules": ["198.51.100.7"]}),
		# an account with public network access off cannot be opened by its rules
		testing.tf_resource("azurerm_storage_account", "private", {"public_network_access_enabled": false}),
		testing.tf_resource("azurerm_storage_account_network_rules", "private", {"storage_account_id": testing.unknown("azurerm_storage_account.private.id"), "default_action": "Allow"}),
	])
}
