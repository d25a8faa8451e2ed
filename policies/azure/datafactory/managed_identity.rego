# METADATA
# title: Data Factory has no managed identity
# description: >-
#   Without a managed identity, linked services authenticate to storage, databases and
#   Key Vault with keys and passwords stored in the factory; with one they get tokens
#   from the platform, and secrets can be read from Key Vault.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/data-factory/data-factory-service-identity
# custom:
#   id: IAC-AZ-ADF-002
#   severity: low
#   remediation: 'Add `identity { type = "SystemAssigned" }` (or "UserAssigned" with `identity_ids`).'
#   kinds: [terraform]
#   forms:
#     - no identity block, or one whose type is null or ""
#   not_flagged:
#     - >-
#       Unknown identity blocks or types.
package iac_guard.azure.datafactory.managed_identity

import data.iac_guard.lib
import rego.v1

has_identity(values) if lib.is_unknown(values.identity)

has_identity(values) if {
	identity := lib.block(values, "identity")
	not object.get(identity, "type", null) in {null, ""}
}

deny contains result if {
	some r in lib.managed("azurerm_data_factory")
	not has_identity(r.values)
	result := lib.finding(r, sprintf("Data Factory %s has no managed identity", [r.address]), "identity")
}
