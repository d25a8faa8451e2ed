package iac_guard.azure.aks.azure_policy_test

import data.iac_guard.azure.aks.azure_policy
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_add_on_is_denied if {
	azure_policy.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k does not run the Azure Policy add-on",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "azure_policy_enabled",
	}} with input as testing.tf([aks("k", {})])
}

test_disabled_in_every_form_is_denied if {
	testing.addresses(azure_policy.deny) == {"azurerm_kubernetes_cluster.a", "azurerm_kubernetes_cluster.b", "azurerm_kubernetes_cluster.c"} with input as testing.tf([
		aks("a", {"azure_policy_enabled": false}),
		aks("b", {"addon_profile": [{"azure_policy": [{"enabled": false}]}]}),
		aks("c", {"addon_profile": [{"oms_agent": [{"enabled": true}]}]}),
	])
}

test_enabled_in_every_form_or_unknown_pass if {
	count(azure_policy.deny) == 0 with input as testing.tf([
		aks("a", {"azure_policy_enabled": true}),
		aks("b", {"addon_profile": [{"azure_policy": [{"enabled": true}]}]}),
		aks("c", {"azure_policy_enabled": testing.unknown("var.policy")}),
		aks("d", {"addon_profile": [{"azure_policy": [{"enabled": testing.unknown("var.policy")}]}]}),
	])
}

test_v2_flag_is_reported_at_its_line if {
	testing.located(azure_policy.deny) == {["azurerm_kubernetes_cluster.k", "addon_profile.0.azure_policy.0.enabled"]} with input as testing.tf([aks("k", {"addon_profile": [{"azure_policy": [{"enabled": false}]}]})])
}
