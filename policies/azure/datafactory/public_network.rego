# METADATA
# title: Data Factory accepts connections from public networks
# description: >-
#   With public network access on (the default), the factory's authoring and
#   self-hosted integration runtime endpoints are reachable from the internet; private
#   endpoints keep control-plane traffic, and the credentials it carries, off it.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/data-factory/data-factory-private-link
# custom:
#   id: IAC-AZ-ADF-001
#   severity: medium
#   remediation: 'Set `public_network_enabled = false` and connect through private endpoints.'
#   kinds: [terraform]
#   forms:
#     - public_network_enabled true, null or absent (the default is true)
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.datafactory.public_network

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_data_factory")
	lib.true_or_missing(r.values, "public_network_enabled")
	result := lib.finding(r, sprintf("Data Factory %s accepts connections from public networks", [r.address]), "public_network_enabled")
}
