package iac_guard.azure.storage.public_blob_access_test

import data.iac_guard.azure.storage.public_blob_access
import data.iac_guard.testing
import rego.v1

test_public_nested_items_are_denied if {
	public_blob_access.deny == {{
		"msg": "storage account azurerm_storage_account.sa allows public access to its blobs",
		"resource": "azurerm_storage_account.sa",
		"file": "main.tf",
		"attribute": "allow_nested_items_to_be_public",
	}} with input as testing.tf([testing.tf_resource("azurerm_storage_account", "sa", {"allow_nested_items_to_be_public": true})])
}

test_default_is_denied if {
	testing.addresses(public_blob_access.deny) == {"azurerm_storage_account.sa"} with input as testing.tf([testing.tf_resource("azurerm_storage_account", "sa", {"account_tier": "Standard"})])
}

test_disallowed_or_unknown_pass if {
	count(public_blob_access.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": false}),
		testing.tf_resource("azurerm_storage_account", "b", {"allow_blob_public_access": false}),
		testing.tf_resource("azurerm_storage_account", "c", {"allow_nested_items_to_be_public": testing.unknown("var.public")}),
	])
}

test_null_is_the_default if {
	testing.addresses(public_blob_access.deny) == {"azurerm_storage_account.null", "azurerm_storage_account.legacy"} with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "null", {"allow_nested_items_to_be_public": null}),
		testing.tf_resource("azurerm_storage_account", "legacy", {"allow_blob_public_access": "true"}),
		testing.tf_resource("azurerm_storage_account", "off", {"allow_nested_items_to_be_public": false}),
		testing.tf_resource("azurerm_storage_account", "legacy_off", {"allow_blob_public_access": false}),
	])
}
