package iac_guard.azure.aks.rbac_test

import data.iac_guard.azure.aks.rbac
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_rbac_disabled_is_denied if {
	rbac.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k has Kubernetes RBAC disabled",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "role_based_access_control_enabled",
	}} with input as testing.tf([aks("k", {"role_based_access_control_enabled": false})])
}

test_v2_block_disabled_is_denied if {
	testing.located(rbac.deny) == {["azurerm_kubernetes_cluster.k", "role_based_access_control.0.enabled"]} with input as testing.tf([aks("k", {"role_based_access_control": [{"enabled": "false"}]})])
}

test_default_enabled_or_unknown_pass if {
	count(rbac.deny) == 0 with input as testing.tf([
		aks("a", {}),
		aks("b", {"role_based_access_control_enabled": true}),
		aks("c", {"role_based_access_control": [{"enabled": true}]}),
		aks("d", {"role_based_access_control_enabled": testing.unknown("var.rbac")}),
		aks("e", {"role_based_access_control_enabled": null}),
	])
}
