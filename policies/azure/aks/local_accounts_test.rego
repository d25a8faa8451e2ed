package iac_guard.azure.aks.local_accounts_test

import data.iac_guard.azure.aks.local_accounts
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_local_accounts_enabled_are_denied if {
	local_accounts.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k keeps local (non-Entra ID) accounts enabled",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "local_account_disabled",
	}} with input as testing.tf([aks("k", {"local_account_disabled": false})])
}

test_missing_or_null_is_denied if {
	testing.addresses(local_accounts.deny) == {"azurerm_kubernetes_cluster.a", "azurerm_kubernetes_cluster.b"} with input as testing.tf([aks("a", {}), aks("b", {"local_account_disabled": null})])
}

test_disabled_or_unknown_pass if {
	count(local_accounts.deny) == 0 with input as testing.tf([
		aks("a", {"local_account_disabled": true}),
		aks("b", {"local_account_disabled": testing.unknown("var.x")}),
		testing.tf_data("azurerm_kubernetes_cluster", "existing", {}),
	])
}
