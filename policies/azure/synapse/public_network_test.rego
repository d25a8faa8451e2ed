package iac_guard.azure.synapse.public_network_test

import data.iac_guard.azure.synapse.public_network
import data.iac_guard.testing
import rego.v1

test_default_workspace_is_denied if {
	public_network.deny == {{
		"msg": "Synapse workspace azurerm_synapse_workspace.ws accepts connections from public networks",
		"resource": "azurerm_synapse_workspace.ws",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_synapse_workspace", "ws", {})])
}

test_enabled_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_synapse_workspace.a"} with input as testing.tf([testing.tf_resource("azurerm_synapse_workspace", "a", {"public_network_access_enabled": true})])
}

test_private_or_unknown_passes if {
	count(public_network.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_synapse_workspace", "a", {"public_network_access_enabled": false}),
		testing.tf_resource("azurerm_synapse_workspace", "b", {"public_network_access_enabled": testing.unknown("var.public")}),
	])
}
