# METADATA
# title: Firewall rule allows RDP (3389) from the internet
# description: >-
#   An ingress firewall rule admitting TCP 3389 from 0.0.0.0/0 or ::/0 exposes RDP on
#   every instance it targets to brute-force and exploit attempts.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: IAC-GCP-FW-002
#   severity: high
#   remediation: >-
#     Restrict `source_ranges` of the `google_compute_firewall` to known networks (for
#     IAP TCP forwarding: 35.235.240.0/20), or remove port 3389 from its `allow` block.
#   frameworks: [CIS-GCP-3.7]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_firewall
#   forms:
#     - >-
#       the firewall forms of IAC-GCP-FW-001 for port 3389, TCP or UDP (`udp`, `17`)
#   not_flagged:
#     - >-
#       disabled firewalls and egress rules
package iac_guard.gcp.compute.rdp_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("gcp", 3389) | network.world_ingress_udp("gcp", 3389)
	result := lib.finding(r, sprintf("%s allows RDP (port 3389) from the internet", [r.address]), attr)
}
