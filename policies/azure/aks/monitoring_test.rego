package iac_guard.azure.aks.monitoring_test

import data.iac_guard.azure.aks.monitoring
import data.iac_guard.testing
import rego.v1

aks(name, values) := testing.tf_resource("azurerm_kubernetes_cluster", name, values)

test_cluster_without_agent_is_denied if {
	monitoring.deny == {{
		"msg": "AKS cluster azurerm_kubernetes_cluster.k has no monitoring add-on (oms_agent)",
		"resource": "azurerm_kubernetes_cluster.k",
		"file": "main.tf",
		"attribute": "oms_agent",
	}} with input as testing.tf([aks("k", {"oms_agent": []})])
}

test_v2_add_on_disabled_is_denied if {
	testing.addresses(monitoring.deny) == {"azurerm_kubernetes_cluster.a", "azurerm_kubernetes_cluster.b"} with input as testing.tf([
		aks("a", {"addon_profile": [{"oms_agent": [{"enabled": false}]}]}),
		aks("b", {"addon_profile": [{"azure_policy": [{"enabled": true}]}]}),
	])
}

test_agent_in_every_form_or_unknown_pass if {
	count(monitoring.deny) == 0 with input as testing.tf([
		aks("a", {"oms_agent": [{"log_analytics_workspace_id": testing.unknown("azurerm_log_analytics_workspace.w.id")}]}),
		aks("b", {"addon_profile": [{"oms_agent": [{"enabled": true}]}]}),
		aks("c", {"oms_agent": testing.unknown("local.oms")}),
	])
}

test_v2_flag_is_reported_at_its_line if {
	testing.located(monitoring.deny) == {["azurerm_kubernetes_cluster.k", "addon_profile.0.oms_agent.0.enabled"]} with input as testing.tf([aks("k", {"addon_profile": [{"oms_agent": [{"enabled": false}]}]})])
}
