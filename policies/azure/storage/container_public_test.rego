package iac_guard.azure.storage.container_public_test

import data.iac_guard.azure.storage.container_public
import data.iac_guard.testing
import rego.v1

test_public_container_is_denied if {
	container_public.deny == {{
		"msg": "storage container azurerm_storage_container.c allows anonymous container access",
		"resource": "azurerm_storage_container.c",
		"file": "main.tf",
		"attribute": "container_access_type",
	}} with input as testing.tf([testing.tf_resource("azurerm_storage_container", "c", {"container_access_type": "container"})])
}

test_private_container_passes if {
	count(container_public.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_storage_container", "a", {"container_access_type": "private"}),
		testing.tf_resource("azurerm_storage_container", "b", {}),
	])
}

test_access_type_in_any_case if {
	testing.addresses(container_public.deny) == {"azurerm_storage_container.upper"} with input as testing.tf([
		testing.tf_resource("azurerm_storage_container", "upper", {"container_access_type": "Blob"}),
		testing.tf_resource("azurerm_storage_container", "private", {"container_access_type": "private"}),
		testing.tf_resource("azurerm_storage_container", "default", {}),
	])
}
