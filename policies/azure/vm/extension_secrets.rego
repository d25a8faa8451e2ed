# METADATA
# title: VM extension passes a secret in its public settings
# description: >-
#   An extension's `settings` are stored and returned in clear text by the Azure API and
#   readable by anyone with read access to the VM; keys, passwords and tokens belong in
#   `protected_settings`, which Azure encrypts and never returns.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-machines/extensions/features-linux#extension-configuration
# custom:
#   id: IAC-AZ-VM-004
#   severity: high
#   remediation: >-
#     Move the secret (storageAccountKey, workspaceKey, password, SAS token...) from
#     `settings` to `protected_settings`, or use a managed identity instead.
#   kinds: [terraform]
#   forms:
#     - azurerm_virtual_machine_extension / azurerm_virtual_machine_scale_set_extension settings (a JSON string, jsonencode or heredoc)
#     - extension blocks of azurerm_linux/windows_virtual_machine_scale_set and the legacy azurerm_virtual_machine_scale_set
#     - secret keys at any depth, compared case-insensitively
#   not_flagged:
#     - >-
#       Secrets inside a `commandToExecute` string (the command is opaque). Settings that
#       are unknown or not valid JSON. Keys whose value is empty.
package iac_guard.azure.vm.extension_secrets

import data.iac_guard.lib
import rego.v1

secret_keys := {
	"storageaccountkey", "workspacekey", "password", "adminpassword", "sastoken",
	"clientsecret", "secret", "accesskey", "primarykey", "connectionstring",
}

leaked_keys(settings) := {key |
	is_string(settings)
	json.is_valid(settings)
	walk(json.unmarshal(settings), [path, value])
	count(path) > 0
	key := path[count(path) - 1]
	is_string(key)
	secret_keys[lower(key)]
	not value in {null, ""}
}

# [resource, attribute path, settings] for each way an extension is written.
extensions contains [r, "settings", r.values.settings] if {
	some rtype in ["azurerm_virtual_machine_extension", "azurerm_virtual_machine_scale_set_extension"]
	some r in lib.managed(rtype)
}

extensions contains [r, sprintf("extension.%d.settings", [i]), ext.settings] if {
	some rtype in ["azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set", "azurerm_virtual_machine_scale_set"]
	some r in lib.managed(rtype)
	some i, ext in lib.items(r.values.extension)
	is_object(ext)
}

deny contains result if {
	some [r, attr, settings] in extensions
	keys := leaked_keys(settings)
	count(keys) > 0
	result := lib.finding(r, sprintf("%s passes %s in public extension settings", [r.address, concat(", ", sort(keys))]), attr)
}
