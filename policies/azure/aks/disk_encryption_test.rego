package iac_guard.azure.aks.disk_encryption_test

import data.iac_guard.azure.aks.disk_encryption
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_encryption_set_is_denied if {
	disk_encryption.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k does not encrypt node disks with a customer-managed key",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "disk_encryption_set_id",
	}} with input as testing.tf([aks("k", {})])
}

test_empty_or_null_set_is_denied if {
	testing.addresses(disk_encryption.deny) == {"azurerm_kubernetes_cluster.a", "azurerm_kubernetes_cluster.b"} with input as testing.tf([
		aks("a", {"disk_encryption_set_id": ""}),
		aks("b", {"disk_encryption_set_id": null}),
	])
}

test_encryption_set_or_unknown_passes if {
	count(disk_encryption.deny) == 0 with input as testing.tf([
		aks("a", {"disk_encryption_set_id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}),
		aks("b", {"disk_encryption_set_id": testing.unknown("azurerm_disk_encryption_set.des.id")}),
	])
}
