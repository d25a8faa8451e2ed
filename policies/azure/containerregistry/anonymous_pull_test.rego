package iac_guard.azure.containerregistry.anonymous_pull_test

import data.iac_guard.azure.containerregistry.anonymous_pull
import data.iac_guard.testing
import rego.v1

acr(name, values) := testing.tf_resource("azurerm_container_registry", name, values)

test_anonymous_pull_is_denied if {
	anonymous_pull.deny == {{
		"msg": "container registry azurerm_container_registry.acr allows anonymous pull",
		"resource": "azurerm_container_registry.acr",
		"file": "main.tf",
		"attribute": "anonymous_pull_enabled",
	}} with input as testing.tf([acr("acr", {"anonymous_pull_enabled": true})])
}

test_string_true_is_denied if {
	testing.addresses(anonymous_pull.deny) == {"azurerm_container_registry.a"} with input as testing.tf([acr("a", {"anonymous_pull_enabled": "True"})])
}

test_disabled_unset_or_unknown_pass if {
	count(anonymous_pull.deny) == 0 with input as testing.tf([
		acr("a", {"anonymous_pull_enabled": false}),
		acr("b", {}),
		acr("c", {"anonymous_pull_enabled": testing.unknown("var.anon")}),
	])
}
