# METADATA
# title: Firewall rule allows SSH (22) from the internet
# description: >-
#   An ingress firewall rule admitting TCP 22 from 0.0.0.0/0 or ::/0 exposes SSH on
#   every instance it targets to brute-force and exploit attempts.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: IAC-GCP-FW-001
#   severity: high
#   remediation: >-
#     Restrict `source_ranges` of the `google_compute_firewall` to known networks (for
#     IAP TCP forwarding: 35.235.240.0/20), or remove port 22 from its `allow` block.
#   frameworks: [CIS-GCP-3.6]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_firewall
#   forms:
#     - >-
#       `google_compute_firewall` ingress (the default direction) `allow` blocks admitting
#       TCP 22: `ports` with 22, a range that includes it, or no ports; protocol `tcp`, `6`
#       or `all`
#     - >-
#       `source_ranges` with 0.0.0.0/0, ::/0 or any /0 (`10.1.2.3/0`), or no source at all
#       (no ranges, tags or service accounts: Google Cloud's default is 0.0.0.0/0)
#   not_flagged:
#     - >-
#       disabled firewalls (`disabled = true`), egress rules, sources given only by tags or
#       service accounts
#     - >-
#       rule priority and deny rules
package iac_guard.gcp.compute.ssh_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

deny contains result if {
	some [r, attr] in network.world_ingress("gcp", 22)
	result := lib.finding(r, sprintf("%s allows SSH (port 22) from the internet", [r.address]), attr)
}
