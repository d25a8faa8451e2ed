# METADATA
# title: Event Hubs namespace accepts shared access key authentication
# description: >-
#   Shared access signature (SAS) keys are long-lived secrets, often with Manage rights,
#   that cannot be tied to a person or protected by Conditional Access. With local
#   authentication disabled, clients must use Microsoft Entra ID and Azure RBAC.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/event-hubs/authenticate-shared-access-signature#disable-local-or-sas-key-authentication
# custom:
#   id: IAC-AZ-EVENTHUB-002
#   severity: medium
#   remediation: 'Set `local_authentication_enabled = false` and grant data-plane roles to Entra ID identities.'
#   kinds: [terraform]
#   forms:
#     - local_authentication_enabled true, null or absent (the default is true)
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.eventhub.local_auth

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_eventhub_namespace")
	lib.true_or_missing(r.values, "local_authentication_enabled")
	result := lib.finding(r, sprintf("Event Hubs namespace %s accepts shared access key authentication", [r.address]), "local_authentication_enabled")
}
