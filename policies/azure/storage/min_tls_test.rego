package iac_guard.azure.storage.min_tls_test

import data.iac_guard.azure.storage.min_tls
import data.iac_guard.testing
import rego.v1

test_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "storage account azurerm_storage_account.sa does not require TLS 1.2 (min_tls_version TLS1_0)",
		"resource": "azurerm_storage_account.sa",
		"file": "main.tf",
		"attribute": "min_tls_version",
	}} with input as testing.tf([testing.tf_resource("azurerm_storage_account", "sa", {"min_tls_version": "TLS1_0"})])
}

test_unset_version_is_denied if {
	testing.addresses(min_tls.deny) == {"azurerm_storage_account.sa"} with input as testing.tf([testing.tf_resource("azurerm_storage_account", "sa", {})])
}

test_tls12_or_unknown_pass if {
	count(min_tls.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "a", {"min_tls_version": "TLS1_2"}),
		testing.tf_resource("azurerm_storage_account", "b", {"min_tls_version": testing.unknown("var.tls")}),
	])
}

test_null_empty_and_lower_case_versions if {
	testing.addresses(min_tls.deny) == {"azurerm_storage_account.null", "azurerm_storage_account.empty", "azurerm_storage_account.lower"} with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "null", {"min_tls_version": null}),
		testing.tf_resource("azurerm_storage_account", "empty", {"min_tls_version": ""}),
		testing.tf_resource("azurerm_storage_account", "lower", {"min_tls_version": "tls1_1"}),
		testing.tf_resource("azurerm_storage_account", "modern", {"min_tls_version": "TLS1_2"}),
		testing.tf_resource("azurerm_storage_account", "unknown", {"min_tls_version": testing.unknown("var.tls")}),
	])
}
