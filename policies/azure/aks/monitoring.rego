# METADATA
# title: AKS cluster sends no logs to Azure Monitor
# description: >-
#   Without the monitoring add-on (Container insights) container logs, node and pod
#   events never reach a Log Analytics workspace: an incident leaves nothing to
#   investigate once pods are rescheduled.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-monitor/containers/kubernetes-monitoring-enable
# custom:
#   id: IAC-AZ-AKS-006
#   severity: low
#   remediation: >-
#     Add `oms_agent { log_analytics_workspace_id = azurerm_log_analytics_workspace.x.id }`
#     (azurerm v2: `addon_profile { oms_agent { enabled = true, log_analytics_workspace_id
#     = ... } }`).
#   kinds: [terraform]
#   forms:
#     - oms_agent block (azurerm v3 and later)
#     - addon_profile { oms_agent { enabled } } (azurerm v2)
#   not_flagged:
#     - >-
#       Unknown blocks. Clusters that ship logs with their own agent (Fluent Bit, Datadog)
#       are flagged: the scanner cannot see them. Control-plane logs sent by an
#       azurerm_monitor_diagnostic_setting are not counted: they do not cover containers.
package iac_guard.azure.aks.monitoring

import data.iac_guard.lib
import rego.v1

monitored(values) if lib.has_block(values, "oms_agent")

monitored(values) if lib.is_unknown(values.oms_agent)

monitored(values) if {
	a := addon(values, "oms_agent")
	not lib.false_or_missing(a, "enabled")
}

monitored(values) if lib.is_unknown(values.addon_profile)

monitored(values) if lib.block_unknown(lib.block(values, "addon_profile"), "oms_agent", "enabled")

addon(values, name) := lib.block(lib.block(values, "addon_profile"), name)

deny contains result if {
	some r in lib.managed("azurerm_kubernetes_cluster")
	not monitored(r.values)
	result := lib.finding(r, sprintf("AKS cluster %s has no monitoring add-on (oms_agent)", [r.address]), attribute(r.values))
}

# The v2 add-on flag when the cluster writes it, else the current attribute.
attribute(values) := "addon_profile.0.oms_agent.0.enabled" if lib.has_key(addon(values, "oms_agent"), "enabled")

else := "oms_agent"
