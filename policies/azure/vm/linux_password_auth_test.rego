package iac_guard.azure.vm.linux_password_auth_test

import data.iac_guard.azure.vm.linux_password_auth
import data.iac_guard.testing
import rego.v1

test_password_vm_is_denied if {
	linux_password_auth.deny == {{
		"msg": "Linux VM azurerm_linux_virtual_machine.vm allows SSH password authentication",
		"resource": "azurerm_linux_virtual_machine.vm",
		"file": "main.tf",
		"attribute": "disable_password_authentication",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_virtual_machine", "vm", {"disable_password_authentication": false, "admin_password": testing.unknown("var.password")})])
}

test_every_form_is_denied if {
	testing.located(linux_password_auth.deny) == {
		["azurerm_linux_virtual_machine_scale_set.a", "disable_password_authentication"],
		["azurerm_virtual_machine.b", "os_profile_linux_config.0.disable_password_authentication"],
		["azurerm_virtual_machine_scale_set.c", "os_profile_linux_config.0.disable_password_authentication"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_linux_virtual_machine_scale_set", "a", {"disable_password_authentication": "false"}),
		testing.tf_resource("azurerm_virtual_machine", "b", {"os_profile_linux_config": [{"disable_password_authentication": false}]}),
		testing.tf_resource("azurerm_virtual_machine_scale_set", "c", {"os_profile_linux_config": [{"disable_password_authentication": false}]}),
	])
}

test_keys_defaults_windows_or_unknown_pass if {
	count(linux_password_auth.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_virtual_machine", "a", {}),
		testing.tf_resource("azurerm_linux_virtual_machine", "b", {"disable_password_authentication": true}),
		testing.tf_resource("azurerm_virtual_machine", "c", {"os_profile_linux_config": [{"disable_password_authentication": true}]}),
		testing.tf_resource("azurerm_virtual_machine", "d", {"os_profile_windows_config": [{"provision_vm_agent": true}]}),
		testing.tf_resource("azurerm_linux_virtual_machine", "e", {"disable_password_authentication": testing.unknown("var.keys_only")}),
	])
}
