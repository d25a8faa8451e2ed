package iac_guard.azure.synapse.managed_network_test

import data.iac_guard.azure.synapse.managed_network
import data.iac_guard.testing
import rego.v1

test_default_workspace_is_denied if {
	managed_network.deny == {{
		"msg": "Synapse workspace azurerm_synapse_workspace.ws has no managed virtual network",
		"resource": "azurerm_synapse_workspace.ws",
		"file": "main.tf",
		"attribute": "managed_virtual_network_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_synapse_workspace", "ws", {})])
}

test_disabled_is_denied if {
	testing.addresses(managed_network.deny) == {"azurerm_synapse_workspace.a"} with input as testing.tf([testing.tf_resource("azurerm_synapse_workspace", "a", {"managed_virtual_network_enabled": false})])
}

test_enabled_or_unknown_passes if {
	count(managed_network.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_synapse_workspace", "a", {"managed_virtual_network_enabled": true}),
		testing.tf_resource("azurerm_synapse_workspace", "b", {"managed_virtual_network_enabled": testing.unknown("var.mvnet")}),
	])
}
