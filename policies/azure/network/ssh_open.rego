# METADATA
# title: Network security group allows SSH (22) from the internet
# description: >-
#   An inbound Allow rule for port 22 from `*`, `Internet`, 0.0.0.0/0 or ::/0 exposes
#   SSH on every VM behind the group to brute-force and exploit attempts.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: IAC-AZ-NSG-001
#   severity: high
#   remediation: >-
#     Set the rule's `source_address_prefix` / `source_address_prefixes` to known
#     networks (or `access = "Deny"`), and reach VMs through Azure Bastion or just-in-time
#     access.
#   frameworks: [CIS-AZURE-6.2]
#   kinds: [terraform]
#   resource_types:
#     - azurerm_network_security_group
#     - azurerm_network_security_rule
#   forms:
#     - >-
#       inbound Allow rules (direction and access in any case) in inline `security_rule`
#       blocks of `azurerm_network_security_group` and in `azurerm_network_security_rule`
#     - >-
#       sources `*`, `Internet`, `Any` (any case), 0.0.0.0/0, ::/0, `/0` and any prefix of
#       length 0 with host bits (`34.15.11.3/0`), in `source_address_prefix` or
#       `source_address_prefixes`
#     - >-
#       ports in `destination_port_range` or `destination_port_ranges`: single ports, ranges
#       (`20-25`), `*`, and comma-separated lists with or without spaces (`"22,24"`, `"21,
#       22 , 24 "`)
#     - >-
#       protocol `Tcp` or `*`
#   not_flagged:
#     - >-
#       Deny rules, outbound rules, sources that are application security groups or service
#       tags other than Internet (`VirtualNetwork`, `AzureLoadBalancer`)
#     - >-
#       rule priority: a higher-priority Deny in the same group is not weighed
package iac_guard.azure.network.ssh_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("azure", 22)
	result := lib.finding(r, sprintf("%s allows SSH (port 22) from the internet", [r.address]), attr)
}
