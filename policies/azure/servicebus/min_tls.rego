# METADATA
# title: Service Bus namespace accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses; a namespace that accepts them lets clients
#   negotiate them and exposes messages and credentials to downgrade attacks.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/service-bus-messaging/transport-layer-security-configure-minimum-version
# custom:
#   id: IAC-AZ-SERVICEBUS-003
#   severity: medium
#   remediation: 'Set `minimum_tls_version = "1.2"` or remove it (it defaults to 1.2).'
#   kinds: [terraform]
#   forms:
#     - minimum_tls_version "1.0" or "1.1" (string or number)
#   not_flagged:
#     - >-
#       An unset version: the provider has defaulted it to "1.2" since the attribute was
#       added (azurerm v3), and v4 accepts nothing else. Unknown values.
package iac_guard.azure.servicebus.min_tls

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_servicebus_namespace")
	version := r.values.minimum_tls_version
	version in {"1.0", "1.1", "1", 1, 1.1}
	result := lib.finding(r, sprintf("Service Bus namespace %s accepts TLS %v", [r.address, version]), "minimum_tls_version")
}
