# METADATA
# title: Firewall rule allows every port from the internet
# description: >-
#   An ingress rule for all protocols, or TCP without a port list, from 0.0.0.0/0 or ::/0
#   exposes every service on the targeted instances.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: IAC-GCP-FW-003
#   severity: critical
#   remediation: >-
#     List the needed `ports` in each `allow` block (not `protocol = "all"`) and restrict
#     `source_ranges` to known networks.
#   kinds: [terraform]
#   resource_types:
#     - google_compute_firewall
#   forms:
#     - >-
#       the firewall forms of IAC-GCP-FW-001 with every port: protocol `all`, or TCP without
#       ports or with 0-65535
#   not_flagged:
#     - >-
#       disabled firewalls and egress rules
#     - >-
#       a single service port open to the world (443 on a web server): only SSH, RDP
#       (IAC-GCP-FW-001, 002) and every port are reported, not each public port
package iac_guard.gcp.compute.all_ports_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_all_ports("gcp")
	result := lib.finding(r, sprintf("%s allows every port from the internet", [r.address]), attr)
}
