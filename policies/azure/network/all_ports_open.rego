# METADATA
# title: Network security group allows every port from the internet
# description: >-
#   An inbound Allow rule for destination port `*` (or 0-65535) from `*`, `Internet`,
#   0.0.0.0/0 or ::/0 exposes every service on the VMs behind the group.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
# custom:
#   id: IAC-AZ-NSG-003
#   severity: critical
#   remediation: >-
#     Replace `destination_port_range = "*"` with the ports the service needs and set
#     `source_address_prefix` to known networks.
#   kinds: [terraform]
#   resource_types:
#     - azurerm_network_security_group
#     - azurerm_network_security_rule
#   forms:
#     - >-
#       the rule forms of IAC-AZ-NSG-001 with every port: `*`, 0-65535 or 1-65535, protocol
#       `Tcp` or `*`
#   not_flagged:
#     - >-
#       Deny and outbound rules
#     - >-
#       a single service port open to the internet (443 on a web server): only SSH, RDP
#       (IAC-AZ-NSG-001, 002) and every port are reported, not each public port
package iac_guard.azure.network.all_ports_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_all_ports("azure")
	result := lib.finding(r, sprintf("%s allows every port from the internet", [r.address]), attr)
}
