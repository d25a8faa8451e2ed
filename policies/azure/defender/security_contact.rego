# METADATA
# title: Defender for Cloud security contact does not receive alerts
# description: >-
#   Defender for Cloud emails high-severity alerts to the security contact and to
#   subscription owners only when asked: with notifications off or no address, an
#   active attack can go unread for days.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications
# custom:
#   id: IAC-AZ-DEF-002
#   severity: medium
#   remediation: >-
#     Set `email` to a monitored security mailbox, `alert_notifications = true` and
#     `alerts_to_admins = true` on the `azurerm_security_center_contact`.
#   frameworks: [CIS-AZURE-2.1.18, CIS-AZURE-2.1.19, CIS-AZURE-2.1.20]
#   kinds: [terraform]
#   forms:
#     - alert_notifications = false (boolean or string)
#     - alerts_to_admins = false (boolean or string)
#     - email "" or null
#   not_flagged:
#     - >-
#       Subscriptions whose code defines no security contact: the contact may be managed
#       elsewhere. Unknown values.
package iac_guard.azure.defender.security_contact

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_security_center_contact")
	some [key, what] in [["alert_notifications", "alert notifications"], ["alerts_to_admins", "alerts to subscription owners"]]
	lib.is_false(r.values[key])
	result := lib.finding(r, sprintf("security contact %s turns off %s", [r.address, what]), key)
}

deny contains result if {
	some r in lib.managed("azurerm_security_center_contact")
	object.get(r.values, "email", null) in {null, ""}
	result := lib.finding(r, sprintf("security contact %s has no email address", [r.address]), "email")
}
