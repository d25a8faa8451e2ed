package iac_guard.azure.aks.entra_id_test

import data.iac_guard.azure.aks.entra_id
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_entra_id_is_denied if {
	entra_id.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k is not integrated with Microsoft Entra ID",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "azure_active_directory_role_based_access_control",
	}} with input as testing.tf([aks("k", {"role_based_access_control_enabled": true})])
}

test_v2_rbac_block_without_entra_id_is_denied if {
	testing.addresses(entra_id.deny) == {"azurerm_kubernetes_cluster.a", "azurerm_kubernetes_cluster.b"} with input as testing.tf([
		aks("a", {"role_based_access_control": [{"enabled": true}]}),
		aks("b", {"azure_active_directory_role_based_access_control": []}),
	])
}

test_entra_id_in_every_form_or_unknown_passes if {
	count(entra_id.deny) == 0 with input as testing.tf([
		aks("a", {"azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}]}),
		aks("b", {"role_based_access_control": [{"enabled": true, "azure_active_directory": [{"managed": true}]}]}),
		aks("c", {"azure_active_directory_role_based_access_control": testing.unknown("local.aad")}),
	])
}
