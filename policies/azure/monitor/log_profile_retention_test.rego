package iac_guard.azure.monitor.log_profile_retention_test

import data.iac_guard.azure.monitor.log_profile_retention
import data.iac_guard.testing
import rego.v1

profile(name, retention) := testing.tf_resource("azurerm_monitor_log_profile", name, {"categories": ["Action", "Delete", "Write"], "retention_policy": retention})

test_short_retention_is_denied if {
	log_profile_retention.deny == {{
		"msg": "log profile azurerm_monitor_log_profile.p keeps the activity log only 90 days",
		"resource": "azurerm_monitor_log_profile.p",
		"file": "main.tf",
		"attribute": "retention_policy.0.days",
	}} with input as testing.tf([profile("p", [{"enabled": true, "days": 90}])])
}

test_string_days_are_denied if {
	testing.addresses(log_profile_retention.deny) == {"azurerm_monitor_log_profile.a"} with input as testing.tf([profile("a", [{"enabled": "true", "days": "30"}])])
}

test_long_indefinite_or_unknown_pass if {
	count(log_profile_retention.deny) == 0 with input as testing.tf([
		profile("a", [{"enabled": true, "days": 365}]),
		profile("b", [{"enabled": true, "days": 0}]),
		profile("c", [{"enabled": false, "days": 7}]),
		profile("d", [{"enabled": true, "days": testing.unknown("var.days")}]),
		profile("e", testing.unknown("local.retention")),
	])
}
