# METADATA
# title: Network security group allows RDP (3389) from the internet
# description: >-
#   An inbound Allow rule for port 3389 from `*`, `Internet`, 0.0.0.0/0 or ::/0 exposes
#   RDP on every VM behind the group to brute-force and exploit attempts.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: IAC-AZ-NSG-002
#   severity: high
#   remediation: >-
#     Set the rule's `source_address_prefix` / `source_address_prefixes` to known
#     networks (or `access = "Deny"`), and reach VMs through Azure Bastion or just-in-time
#     access.
#   frameworks: [CIS-AZURE-6.1]
#   kinds: [terraform]
#   resource_types:
#     - azurerm_network_security_group
#     - azurerm_network_security_rule
#   forms:
#     - >-
#       the rule forms of IAC-AZ-NSG-001 for port 3389, protocol `Tcp`, `Udp` or `*` (RDP
#       listens on both)
#   not_flagged:
#     - >-
#       Deny and outbound rules; `Icmp` rules
package iac_guard.azure.network.rdp_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("azure", 3389) | network.world_ingress_udp("azure", 3389)
	result := lib.finding(r, sprintf("%s allows RDP (port 3389) from the internet", [r.address]), attr)
}
