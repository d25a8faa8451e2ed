package iac_guard.azure.vm.disk_encryption_test

import data.iac_guard.azure.vm.disk_encryption
import data.iac_guard.testing
import rego.v1

test_platform_key_vm_is_denied if {
	disk_encryption.deny == {{
		"msg": "VM azurerm_linux_virtual_machine.vm disks are not encrypted with a customer-managed key or at the host",
		"resource": "azurerm_linux_virtual_machine.vm",
		"file": "main.tf",
		"attribute": "os_disk",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_virtual_machine", "vm", {"os_disk": [{"caching": "ReadWrite", "storage_account_type": "Premium_LRS"}]})])
}

test_every_form_is_denied if {
	testing.located(disk_encryption.deny) == {
		["azurerm_windows_virtual_machine.a", "os_disk"],
		["azurerm_managed_disk.b", "disk_encryption_set_id"],
		["azurerm_managed_disk.c", "disk_encryption_set_id"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_windows_virtual_machine", "a", {"encryption_at_host_enabled": false, "os_disk": [{"disk_encryption_set_id": ""}]}),
		testing.tf_resource("azurerm_managed_disk", "b", {"storage_account_type": "Premium_LRS"}),
		testing.tf_resource("azurerm_managed_disk", "c", {"disk_encryption_set_id": null, "encryption_settings": []}),
	])
}

test_encrypted_in_every_form_or_unknown_pass if {
	count(disk_encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_virtual_machine", "a", {"os_disk": [{"disk_encryption_set_id": testing.unknown("azurerm_disk_encryption_set.des.id")}]}),
		testing.tf_resource("azurerm_linux_virtual_machine", "b", {"encryption_at_host_enabled": true, "os_disk": [{}]}),
		testing.tf_resource("azurerm_windows_virtual_machine", "c", {"os_disk": [{"secure_vm_disk_encryption_set_id": "/subscriptions/x/des"}]}),
		testing.tf_resource("azurerm_managed_disk", "d", {"disk_encryption_set_id": "/subscriptions/x/des"}),
		testing.tf_resource("azurerm_managed_disk", "e", {"encryption_settings": [{"disk_encryption_key": [{"secret_url": "https://kv/secret"}]}]}),
		testing.tf_resource("azurerm_linux_virtual_machine", "f", {"encryption_at_host_enabled": testing.unknown("var.eah")}),
		testing.tf_resource("azurerm_virtual_machine", "g", {}),
	])
}
