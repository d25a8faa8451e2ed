package iac_guard.azure.aks.network_policy_test

import data.iac_guard.azure.aks.network_policy
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_profile_is_denied if {
	network_policy.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k has no network policy engine (no network_profile)",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "network_profile",
	}} with input as testing.tf([aks("k", {})])
}

test_profile_without_policy_is_denied if {
	testing.located(network_policy.deny) == {
		["azurerm_kubernetes_cluster.a", "network_profile.0"],
		["azurerm_kubernetes_cluster.b", "network_profile.0"],
		["azurerm_kubernetes_cluster.c", "network_profile.0"],
	} with input as testing.tf([
		aks("a", {"network_profile": [{"network_plugin": "kubenet"}]}),
		aks("b", {"network_profile": [{"network_plugin": "azure", "network_policy": null}]}),
		aks("c", {"network_profile": [{"network_plugin": "azure", "network_policy": ""}]}),
	])
}

test_policy_engines_or_unknown_pass if {
	count(network_policy.deny) == 0 with input as testing.tf([
		aks("a", {"network_profile": [{"network_plugin": "azure", "network_policy": "azure"}]}),
		aks("b", {"network_profile": [{"network_plugin": "kubenet", "network_policy": "calico"}]}),
		aks("c", {"network_profile": [{"network_plugin": "azure", "network_data_plane": "cilium", "network_policy": "cilium"}]}),
		aks("d", {"network_profile": testing.unknown("local.net")}),
		aks("e", {"network_profile": [{"network_policy": testing.unknown("var.policy")}]}),
	])
}
