# METADATA
# title: Linux VM allows password authentication over SSH
# description: >-
#   A Linux VM that accepts passwords over SSH can be brute-forced; SSH keys cannot be
#   guessed and are the Azure default for Linux images.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed
# custom:
#   id: IAC-AZ-VM-001
#   severity: medium
#   remediation: >-
#     Remove `disable_password_authentication = false` (it defaults to true) and give an
#     `admin_ssh_key`; legacy azurerm_virtual_machine: `os_profile_linux_config {
#     disable_password_authentication = true, ssh_keys { ... } }`.
#   kinds: [terraform]
#   forms:
#     - azurerm_linux_virtual_machine / azurerm_linux_virtual_machine_scale_set disable_password_authentication = false
#     - legacy azurerm_virtual_machine / azurerm_virtual_machine_scale_set os_profile_linux_config { disable_password_authentication = false }
#   not_flagged:
#     - >-
#       An unset attribute on the current types: it defaults to true. Unknown values.
#       Windows VMs, which use passwords by design.
package iac_guard.azure.vm.linux_password_auth

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some rtype in ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_orchestrated_virtual_machine_scale_set"]
	some r in lib.managed(rtype)
	lib.is_false(r.values.disable_password_authentication)
	result := lib.finding(r, sprintf("Linux VM %s allows SSH password authentication", [r.address]), "disable_password_authentication")
}

deny contains result if {
	some rtype in ["azurerm_virtual_machine", "azurerm_virtual_machine_scale_set"]
	some r in lib.managed(rtype)
	lib.is_false(lib.block(r.values, "os_profile_linux_config").disable_password_authentication)
	result := lib.finding(r, sprintf("Linux VM %s allows SSH password authentication", [r.address]), "os_profile_linux_config.0.disable_password_authentication")
}
