# METADATA
# title: VM disks are not encrypted with a customer-managed key or at the host
# description: >-
#   Managed disks are encrypted at rest with platform-managed keys by default; the CIS
#   benchmark asks for OS and data disks encrypted with customer-managed keys (a disk
#   encryption set, or Azure Disk Encryption), and encryption at host also covers the
#   temporary disk and caches, which otherwise stay unencrypted on the host.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview
# custom:
#   id: IAC-AZ-VM-003
#   severity: low
#   remediation: >-
#     Set `os_disk { disk_encryption_set_id = azurerm_disk_encryption_set.x.id }` (and
#     on `azurerm_managed_disk`), or `encryption_at_host_enabled = true` on the VM.
#   frameworks: [CIS-AZURE-7.3]
#   kinds: [terraform]
#   forms:
#     - azurerm_linux_virtual_machine / azurerm_windows_virtual_machine with os_disk.disk_encryption_set_id,
#       os_disk.secure_vm_disk_encryption_set_id or encryption_at_host_enabled
#     - azurerm_managed_disk with disk_encryption_set_id, secure_vm_disk_encryption_set_id
#       or encryption_settings (Azure Disk Encryption)
#   not_flagged:
#     - >-
#       Unknown values. Legacy azurerm_virtual_machine, whose disks are judged by their
#       azurerm_managed_disk resources. VMs encrypted by an azurerm_virtual_machine_extension
#       running Azure Disk Encryption are flagged: the extension's settings are opaque JSON.
package iac_guard.azure.vm.disk_encryption

import data.iac_guard.lib
import rego.v1

set_or_unknown(obj, key) if not object.get(obj, key, null) in {null, ""}

vm_encrypted(values) if not lib.false_or_missing(values, "encryption_at_host_enabled")

vm_encrypted(values) if lib.is_unknown(values.os_disk)

vm_encrypted(values) if {
	disk := lib.block(values, "os_disk")
	some key in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	set_or_unknown(disk, key)
}

disk_encrypted(values) if {
	some key in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	set_or_unknown(values, key)
}

disk_encrypted(values) if lib.has_block(values, "encryption_settings")

disk_encrypted(values) if lib.is_unknown(values.encryption_settings)

deny contains result if {
	some rtype in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some r in lib.managed(rtype)
	not vm_encrypted(r.values)
	result := lib.finding(r, sprintf("VM %s disks are not encrypted with a customer-managed key or at the host", [r.address]), "os_disk")
}

deny contains result if {
	some r in lib.managed("azurerm_managed_disk")
	not disk_encrypted(r.values)
	result := lib.finding(r, sprintf("managed disk %s is not encrypted with a customer-managed key", [r.address]), "disk_encryption_set_id")
}
