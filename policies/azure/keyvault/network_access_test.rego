package iac_guard.azure.keyvault.network_access_test

import data.iac_guard.azure.keyvault.network_access
import data.iac_guard.testing
import rego.v1

test_open_vault_is_denied if {
	network_access.deny == {{
		"msg": "Key Vault azurerm_key_vault.kv accepts traffic from any network",
		"resource": "azurerm_key_vault.kv",
		"file": "main.tf",
		"attribute": "network_acls",
	}} with input as testing.tf([testing.tf_resource("azurerm_key_vault", "kv", {"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]})])
}

test_restricted_vaults_pass if {
	count(network_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_key_vault", "a", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]}),
		testing.tf_resource("azurerm_key_vault", "b", {"public_network_access_enabled": false}),
	])
}

test_world_ip_rule_under_deny_is_open if {
	testing.addresses(network_access.deny) == {"azurerm_key_vault.world", "azurerm_key_vault.lower_allow"} with input as testing.tf([
		testing.tf_resource("azurerm_key_vault", "world", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices", "ip_rules": ["0.0.0.0/0"]}]}),
		testing.tf_resource("azurerm_key_vault", "lower_allow", {"network_acls": [{"default_action": "allow", "bypass": "None"}]}),
		testing.tf_resource("azurerm_key_vault", "office", {"network_acls": [{"default_action": "deny", "bypass": "None", "ip_rules": ["203.0.113.0/24"]}]}),
		testing.tf_resource("azurerm_key_vault", "private", {"public_network_access_enabled": "false"}),
	])
}
