package iac_guard.azure.storage.https_only_test

import data.iac_guard.azure.storage.https_only
import data.iac_guard.testing
import rego.v1

test_http_allowed_is_denied if {
	https_only.deny == {{
		"msg": "storage account azurerm_storage_account.sa allows plain HTTP (enable_https_traffic_only = false)",
		"resource": "azurerm_storage_account.sa",
		"file": "main.tf",
		"attribute": "enable_https_traffic_only",
	}} with input as testing.tf([testing.tf_resource("azurerm_storage_account", "sa", {"enable_https_traffic_only": false})])
}

test_default_and_https_only_pass if {
	count(https_only.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_storage_account", "a", {}),
		testing.tf_resource("azurerm_storage_account", "b", {"https_traffic_only_enabled": true}),
		testing.tf_resource("azurerm_storage_account", "c", {"https_traffic_only_enabled": testing.unknown("var.https")}),
	])
}
