# METADATA
# title: Activity log profile does not capture all activity
# description: >-
#   A log profile exports only the categories and regions it lists: without Write,
#   Delete and Action, or without the "global" location where subscription-wide
#   operations (role assignments, policy) are logged, those changes leave no trace.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log#legacy-collection-methods
# custom:
#   id: IAC-AZ-MON-002
#   severity: low
#   remediation: >-
#     Set `categories = ["Action", "Delete", "Write"]` and include `"global"` in
#     `locations` next to every region in use.
#   frameworks: [CIS-AZURE-v1.1.0-5.1.3, CIS-AZURE-v1.1.0-5.1.4]
#   kinds: [terraform]
#   forms:
#     - categories missing one of Action, Delete, Write (compared case-insensitively)
#     - locations without "global"
#   not_flagged:
#     - >-
#       Lists that are unknown, or hold unknown entries. Regions that are not listed: which
#       regions the subscription uses is not in the code.
package iac_guard.azure.monitor.log_profile_coverage

import data.iac_guard.lib
import rego.v1

known_strings(list) := {lower(x) | some x in list; is_string(x)} if {
	is_array(list)
	every x in list {
		not lib.is_unknown(x)
	}
}

deny contains result if {
	some r in lib.managed("azurerm_monitor_log_profile")
	categories := known_strings(r.values.categories)
	missing := {"action", "delete", "write"} - categories
	count(missing) > 0
	result := lib.finding(r, sprintf("log profile %s does not capture %s activity", [r.address, concat(", ", sort(missing))]), "categories")
}

deny contains result if {
	some r in lib.managed("azurerm_monitor_log_profile")
	locations := known_strings(r.values.locations)
	not "global" in locations
	result := lib.finding(r, sprintf("log profile %s does not capture the global location", [r.address]), "locations")
}
