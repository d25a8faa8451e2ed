# METADATA
# title: Virtual machine uses unmanaged (VHD blob) disks
# description: >-
#   Unmanaged disks are page blobs in a storage account the customer manages: their
#   access depends on the account's keys and network settings, they are exposed if the
#   account is, and they lack managed disks' encryption options. Azure retires
#   unmanaged disks.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/unmanaged-disks-deprecation
# custom:
#   id: IAC-AZ-VM-002
#   severity: medium
#   remediation: >-
#     Use `azurerm_linux_virtual_machine` / `azurerm_windows_virtual_machine` (managed
#     disks only), or give `storage_os_disk` / `storage_data_disk` a
#     `managed_disk_type` instead of a `vhd_uri`.
#   frameworks: [CIS-AZURE-7.2]
#   kinds: [terraform]
#   forms:
#     - legacy azurerm_virtual_machine storage_os_disk.vhd_uri / storage_data_disk.vhd_uri
#     - legacy azurerm_virtual_machine_scale_set storage_profile_os_disk.vhd_containers
#   not_flagged:
#     - >-
#       Unknown disk blocks.
package iac_guard.azure.vm.managed_disks

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_virtual_machine")
	some block in ["storage_os_disk", "storage_data_disk"]
	some i, disk in lib.items(r.values[block])
	is_object(disk)
	not object.get(disk, "vhd_uri", null) in {null, ""}
	result := lib.finding(r, sprintf("VM %s uses an unmanaged disk (%s.vhd_uri)", [r.address, block]), sprintf("%s.%d.vhd_uri", [block, i]))
}

deny contains result if {
	some r in lib.managed("azurerm_virtual_machine_scale_set")
	some i, disk in lib.items(r.values.storage_profile_os_disk)
	is_object(disk)
	not object.get(disk, "vhd_containers", null) in {null, "", []}
	result := lib.finding(r, sprintf("VM scale set %s uses unmanaged disks (vhd_containers)", [r.address]), sprintf("storage_profile_os_disk.%d.vhd_containers", [i]))
}
