package iac_guard.azure.vm.extension_secrets_test

import data.iac_guard.azure.vm.extension_secrets
import data.iac_guard.testing
import rego.v1

extension(name, settings) := testing.tf_resource("azurerm_virtual_machine_extension", name, {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "settings": settings})

test_storage_key_in_settings_is_denied if {
	extension_secrets.deny == {{
		"msg": "azurerm_virtual_machine_extension.script passes storageAccountKey in public extension settings",
		"resource": "azurerm_virtual_machine_extension.script",
		"file": "main.tf",
		"attribute": "settings",
	}} with input as testing.tf([extension("script", `{"fileUris": ["https://acme.blob.core.windows.net/s/run.sh"], "storageAccountName": "acme", "storageAccountKey": "bm90LWEta2V5"}`)])
}

test_every_form_is_denied if {
	testing.located(extension_secrets.deny) == {
		["azurerm_virtual_machine_scale_set_extension.a", "settings"],
		["azurerm_linux_virtual_machine_scale_set.b", "extension.1.settings"],
		["azurerm_virtual_machine_extension.c", "settings"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_virtual_machine_scale_set_extension", "a", {"settings": `{"workspaceId": "x", "WorkspaceKey": "abc"}`}),
		testing.tf_resource("azurerm_linux_virtual_machine_scale_set", "b", {"extension": [
			{"name": "health", "settings": `{"port": 80}`},
			{"name": "join", "settings": `{"domain": {"user": "svc", "Password": "hunter2"}}`},
		]}),
		extension("c", `{"sasToken": "?sv=2024&sig=abc"}`),
	])
}

test_protected_empty_or_unknown_settings_pass if {
	count(extension_secrets.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_virtual_machine_extension", "a", {"settings": `{"commandToExecute": "sh run.sh"}`, "protected_settings": `{"storageAccountKey": "abc"}`}),
		extension("b", `{"password": ""}`),
		extension("c", testing.unknown("jsonencode(local.settings)")),
		extension("d", "not json"),
		testing.tf_resource("azurerm_windows_virtual_machine_scale_set", "e", {"extension": testing.unknown("local.extensions")}),
	])
}
