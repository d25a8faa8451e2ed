package iac_guard.azure.containerregistry.admin_user_test

import data.iac_guard.azure.containerregistry.admin_user
import data.iac_guard.testing
import rego.v1

acr(name, values) := testing.tf_resource("azurerm_container_registry", name, values)

test_admin_user_is_denied if {
	admin_user.deny == {{
		"msg": "container registry azurerm_container_registry.acr has the admin user enabled",
		"resource": "azurerm_container_registry.acr",
		"file": "main.tf",
		"attribute": "admin_enabled",
	}} with input as testing.tf([acr("acr", {"admin_enabled": true})])
}

test_string_true_is_denied if {
	testing.addresses(admin_user.deny) == {"azurerm_container_registry.a"} with input as testing.tf([acr("a", {"admin_enabled": "true"})])
}

test_disabled_unset_or_unknown_pass if {
	count(admin_user.deny) == 0 with input as testing.tf([
		acr("a", {"admin_enabled": false}),
		acr("b", {}),
		acr("c", {"admin_enabled": testing.unknown("var.admin")}),
	])
}
