package iac_guard.azure.aks.auto_upgrade_test

import data.iac_guard.azure.aks.auto_upgrade
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_channel_is_denied if {
	auto_upgrade.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k has no automatic upgrade channel",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "automatic_upgrade_channel",
	}} with input as testing.tf([aks("k", {})])
}

test_none_in_both_forms_is_denied if {
	testing.located(auto_upgrade.deny) == {
		["azurerm_kubernetes_cluster.a", "automatic_upgrade_channel"],
		["azurerm_kubernetes_cluster.b", "automatic_channel_upgrade"],
		["azurerm_kubernetes_cluster.c", "automatic_channel_upgrade"],
	} with input as testing.tf([
		aks("a", {"automatic_upgrade_channel": "none"}),
		aks("b", {"automatic_channel_upgrade": null}),
		aks("c", {"automatic_channel_upgrade": ""}),
	])
}

test_channel_in_both_forms_or_unknown_passes if {
	count(auto_upgrade.deny) == 0 with input as testing.tf([
		aks("a", {"automatic_upgrade_channel": "patch"}),
		aks("b", {"automatic_channel_upgrade": "stable"}),
		aks("c", {"automatic_upgrade_channel": testing.unknown("var.channel")}),
	])
}
