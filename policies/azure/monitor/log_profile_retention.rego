# METADATA
# title: Activity log profile keeps logs less than a year
# description: >-
#   The activity log records who changed what in the subscription; a log profile that
#   deletes it after fewer than 365 days loses the trail that incident investigations
#   and audits need.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log#legacy-collection-methods
# custom:
#   id: IAC-AZ-MON-001
#   severity: low
#   remediation: >-
#     Set `retention_policy { enabled = true, days = 365 }` (or `days = 0` to keep logs
#     indefinitely); better, export the activity log with an
#     `azurerm_monitor_diagnostic_setting`: log profiles are retired.
#   frameworks: [CIS-AZURE-v1.1.0-5.1.2]
#   kinds: [terraform]
#   forms:
#     - retention_policy { enabled = true, days = 1..364 } (number or numeric string)
#   not_flagged:
#     - >-
#       `enabled = false` and `days = 0`, which keep logs indefinitely. Unknown values.
package iac_guard.azure.monitor.log_profile_retention

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_monitor_log_profile")
	policy := lib.block(r.values, "retention_policy")
	lib.is_true(policy.enabled)
	days := lib.number(policy.days)
	days > 0
	days < 365
	result := lib.finding(r, sprintf("log profile %s keeps the activity log only %d days", [r.address, days]), "retention_policy.0.days")
}
