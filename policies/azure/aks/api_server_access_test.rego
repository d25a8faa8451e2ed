package iac_guard.azure.aks.api_server_access_test

import data.iac_guard.azure.aks.api_server_access
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_public_cluster_without_ranges_is_denied if {
	api_server_access.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k exposes its API server to the internet (no private cluster, no authorized IP ranges)",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "api_server_access_profile",
	}} with input as testing.tf([aks("k", {"private_cluster_enabled": false})])
}

test_empty_ranges_in_every_form_are_denied if {
	testing.located(api_server_access.deny) == {
		["azurerm_kubernetes_cluster.a", "api_server_access_profile"],
		["azurerm_kubernetes_cluster.b", "api_server_access_profile"],
		["azurerm_kubernetes_cluster.c", "api_server_access_profile"],
	} with input as testing.tf([
		aks("a", {}),
		aks("b", {"api_server_access_profile": [{"authorized_ip_ranges": []}]}),
		aks("c", {"api_server_authorized_ip_ranges": null, "public_network_access_enabled": true}),
	])
}

test_world_range_in_every_form_is_denied if {
	testing.located(api_server_access.deny) == {
		["azurerm_kubernetes_cluster.a", "api_server_access_profile.0.authorized_ip_ranges.1"],
		["azurerm_kubernetes_cluster.b", "api_server_authorized_ip_ranges.0"],
		["azurerm_kubernetes_cluster.c", "api_server_authorized_ip_ranges.0"],
		["azurerm_kubernetes_cluster.d", "api_server_access_profile.0.authorized_ip_ranges.0"],
	} with input as testing.tf([
		aks("a", {"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24", "0.0.0.0/0"]}]}),
		aks("b", {"api_server_authorized_ip_ranges": ["0.0.0.0/0"]}),
		aks("c", {"api_server_authorized_ip_ranges": ["*"]}),
		aks("d", {"api_server_access_profile": [{"authorized_ip_ranges": ["10.1.2.3/0"]}]}),
	])
}

test_private_restricted_or_unknown_pass if {
	count(api_server_access.deny) == 0 with input as testing.tf([
		aks("a", {"private_cluster_enabled": true}),
		aks("b", {"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]}),
		aks("c", {"api_server_authorized_ip_ranges": ["198.51.100.7/32"]}),
		aks("d", {"private_cluster_enabled": testing.unknown("var.private")}),
		aks("e", {"api_server_access_profile": [{"authorized_ip_ranges": testing.unknown("var.ranges")}]}),
		aks("f", {"api_server_access_profile": testing.unknown("local.profile")}),
		aks("g", {"public_network_access_enabled": false}),
		aks("h", {"private_cluster_enabled": true, "api_server_authorized_ip_ranges": ["0.0.0.0/0"]}),
	])
}
