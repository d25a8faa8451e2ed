# METADATA
# title: Activity log alerts miss a CIS-monitored operation
# description: >-
#   The CIS benchmark asks for an activity log alert on each change to policy
#   assignments, network security groups, security solutions, SQL server firewall rules
#   and public IP addresses, so that a change that opens the environment is noticed when
#   it happens. A configuration that manages activity log alerts but leaves one of these
#   operations out leaves that change unwatched.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule
# custom:
#   id: IAC-AZ-MON-003
#   severity: low
#   remediation: >-
#     Add an `azurerm_monitor_activity_log_alert` with `criteria { category =
#     "Administrative", operation_name = "<operation>" }` and an `action` group for each
#     operation named in the finding.
#   frameworks: [CIS-AZURE-5.2.1, CIS-AZURE-5.2.2, CIS-AZURE-5.2.3, CIS-AZURE-5.2.4, CIS-AZURE-5.2.5, CIS-AZURE-5.2.6, CIS-AZURE-5.2.7, CIS-AZURE-5.2.8, CIS-AZURE-5.2.9, CIS-AZURE-5.2.10]
#   kinds: [terraform]
#   forms:
#     - azurerm_monitor_activity_log_alert criteria.operation_name (compared case-insensitively)
#     - alerts with `enabled = false` do not count
#   not_flagged:
#     - >-
#       Configurations that define no activity log alert at all: alerting is then usually
#       managed elsewhere (another repository, Azure Policy at management-group level), and
#       flagging every Terraform project would be noise. Alerts whose operation is unknown
#       are taken to cover any operation. The finding is reported once per missing
#       operation, on the first activity log alert of the root module.
package iac_guard.azure.monitor.activity_log_alerts

import data.iac_guard.lib
import rego.v1

operations := {
	"microsoft.authorization/policyassignments/write": "5.2.1 create policy assignment",
	"microsoft.authorization/policyassignments/delete": "5.2.2 delete policy assignment",
	"microsoft.network/networksecuritygroups/write": "5.2.3 create or update network security group",
	"microsoft.network/networksecuritygroups/delete": "5.2.4 delete network security group",
	"microsoft.security/securitysolutions/write": "5.2.5 create or update security solution",
	"microsoft.security/securitysolutions/delete": "5.2.6 delete security solution",
	"microsoft.sql/servers/firewallrules/write": "5.2.7 create or update SQL server firewall rule",
	"microsoft.sql/servers/firewallrules/delete": "5.2.8 delete SQL server firewall rule",
	"microsoft.network/publicipaddresses/write": "5.2.9 create or update public IP address",
	"microsoft.network/publicipaddresses/delete": "5.2.10 delete public IP address",
}

alerts := {r | some r in lib.managed("azurerm_monitor_activity_log_alert"); not lib.is_false(r.values.enabled)}

# The operations the alerts of each scope (root module) watch; "*" when one is unknown.
watched[scope] contains op if {
	some r in alerts
	scope := lib.scope(r)
	op := operation(r)
}

operation(r) := lower(lib.block(r.values, "criteria").operation_name) if is_string(lib.block(r.values, "criteria").operation_name)

operation(r) := "*" if lib.block_unknown(r.values, "criteria", "operation_name")

# The first alert of each scope (lowest address), where findings go.
addresses[scope] contains r.address if {
	some r in lib.managed("azurerm_monitor_activity_log_alert")
	scope := lib.scope(r)
}

anchor[scope] := r if {
	some r in lib.managed("azurerm_monitor_activity_log_alert")
	scope := lib.scope(r)
	r.address == min(addresses[scope])
}

deny contains result if {
	some scope, r in anchor
	ops := object.get(watched, scope, set())
	not "*" in ops
	some op, label in operations
	not op in ops
	result := lib.finding(r, sprintf("no activity log alert watches %s (CIS %s)", [op, label]), "criteria")
}
