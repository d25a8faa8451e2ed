package iac_guard.azure.monitor.log_profile_coverage_test

import data.iac_guard.azure.monitor.log_profile_coverage
import data.iac_guard.testing
import rego.v1

profile(name, categories, locations) := testing.tf_resource("azurerm_monitor_log_profile", name, {"categories": categories, "locations": locations})

test_missing_category_is_denied if {
	log_profile_coverage.deny == {{
		"msg": "log profile azurerm_monitor_log_profile.p does not capture action, delete activity",
		"resource": "azurerm_monitor_log_profile.p",
		"file": "main.tf",
		"attribute": "categories",
	}} with input as testing.tf([profile("p", ["Write"], ["westeurope", "global"])])
}

test_missing_global_is_denied if {
	testing.located(log_profile_coverage.deny) == {["azurerm_monitor_log_profile.p", "locations"]} with input as testing.tf([profile("p", ["action", "DELETE", "Write"], ["westeurope"])])
}

test_complete_or_unknown_pass if {
	count(log_profile_coverage.deny) == 0 with input as testing.tf([
		profile("a", ["Action", "Delete", "Write"], ["westeurope", "global"]),
		profile("b", testing.unknown("var.categories"), testing.unknown("var.locations")),
		profile("c", ["Write", testing.unknown("var.more")], ["westeurope", testing.unknown("var.more")]),
	])
}
