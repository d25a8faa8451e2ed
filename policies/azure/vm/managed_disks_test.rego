package iac_guard.azure.vm.managed_disks_test

import data.iac_guard.azure.vm.managed_disks
import data.iac_guard.testing
import rego.v1

test_vhd_os_disk_is_denied if {
	managed_disks.deny == {{
		"msg": "VM azurerm_virtual_machine.vm uses an unmanaged disk (storage_os_disk.vhd_uri)",
		"resource": "azurerm_virtual_machine.vm",
		"file": "main.tf",
		"attribute": "storage_os_disk.0.vhd_uri",
	}} with input as testing.tf([testing.tf_resource("azurerm_virtual_machine", "vm", {"storage_os_disk": [{"name": "os", "vhd_uri": "https://acme.blob.core.windows.net/vhds/os.vhd"}]})])
}

test_every_form_is_denied if {
	testing.located(managed_disks.deny) == {
		["azurerm_virtual_machine.a", "storage_data_disk.1.vhd_uri"],
		["azurerm_virtual_machine_scale_set.b", "storage_profile_os_disk.0.vhd_containers"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_virtual_machine", "a", {"storage_os_disk": [{"managed_disk_type": "Premium_LRS"}], "storage_data_disk": [{"managed_disk_type": "Premium_LRS"}, {"vhd_uri": testing.unknown("local.uri")}]}),
		testing.tf_resource("azurerm_virtual_machine_scale_set", "b", {"storage_profile_os_disk": [{"vhd_containers": ["https://acme.blob.core.windows.net/vhds"]}]}),
	])
}

test_managed_disks_pass if {
	count(managed_disks.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_virtual_machine", "a", {"storage_os_disk": [{"managed_disk_type": "Premium_LRS", "vhd_uri": null}]}),
		testing.tf_resource("azurerm_virtual_machine_scale_set", "b", {"storage_profile_os_disk": [{"managed_disk_type": "Standard_LRS"}]}),
		testing.tf_resource("azurerm_linux_virtual_machine", "c", {"os_disk": [{"storage_account_type": "Premium_LRS"}]}),
		testing.tf_resource("azurerm_virtual_machine", "d", {"storage_os_disk": testing.unknown("local.disk")}),
	])
}
