package iac_guard.azure.monitor.activity_log_alerts_test

import data.iac_guard.azure.monitor.activity_log_alerts
import data.iac_guard.testing
import rego.v1

alert(name, operation) := testing.tf_resource("azurerm_monitor_activity_log_alert", name, {"scopes": ["/subscriptions/x"], "criteria": [{"category": "Administrative", "operation_name": operation}]})

all_alerts := [alert(sprintf("a%d", [i]), op) |
	some i, op in [
		"Microsoft.Authorization/policyAssignments/write",
		"Microsoft.Authorization/policyAssignments/delete",
		"Microsoft.Network/networkSecurityGroups/write",
		"Microsoft.Network/networkSecurityGroups/delete",
		"Microsoft.Security/securitySolutions/write",
		"Microsoft.Security/securitySolutions/delete",
		"Microsoft.Sql/servers/firewallRules/write",
		"Microsoft.Sql/servers/firewallRules/delete",
		"Microsoft.Network/publicIPAddresses/write",
		"microsoft.network/publicipaddresses/delete",
	]
]

test_missing_operations_are_denied_on_the_first_alert if {
	activity_log_alerts.deny == {
		{
			"msg": "no activity log alert watches microsoft.network/publicipaddresses/write (CIS 5.2.9 create or update public IP address)",
			"resource": "azurerm_monitor_activity_log_alert.a0",
			"file": "main.tf",
			"attribute": "criteria",
		},
		{
			"msg": "no activity log alert watches microsoft.network/publicipaddresses/delete (CIS 5.2.10 delete public IP address)",
			"resource": "azurerm_monitor_activity_log_alert.a0",
			"file": "main.tf",
			"attribute": "criteria",
		},
	} with input as testing.tf(array.slice(all_alerts, 0, 8))
}

test_disabled_alert_does_not_count if {
	count(activity_log_alerts.deny) == 1 with input as testing.tf(array.concat(
		array.slice(all_alerts, 0, 9),
		[testing.tf_resource("azurerm_monitor_activity_log_alert", "off", {"enabled": false, "criteria": [{"operation_name": "Microsoft.Network/publicIPAddresses/delete"}]})],
	))
}

test_complete_none_or_unknown_pass if {
	count(activity_log_alerts.deny) == 0 with input as testing.tf(all_alerts)
	count(activity_log_alerts.deny) == 0 with input as testing.tf([])
	count(activity_log_alerts.deny) == 0 with input as testing.tf([alert("x", "Microsoft.Network/networkSecurityGroups/write"), alert("y", testing.unknown("each.value"))])
}
