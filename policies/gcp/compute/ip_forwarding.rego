# METADATA
# title: Compute Engine instance can forward IP packets
# description: >-
#   With IP forwarding the VM may send and receive packets whose addresses are not its
#   own, letting a compromised VM spoof traffic or route around network controls.
# related_resources:
#   - ref: https://cloud.google.com/vpc/docs/using-routes#canipforward
# custom:
#   id: IAC-GCP-GCE-003
#   severity: medium
#   remediation: >-
#     Remove `can_ip_forward = true` from `google_compute_instance` /
#     `google_compute_instance_template` (the default is false) unless the VM is a NAT or
#     routing appliance.
#   frameworks: [CIS-GCP-4.6]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   forms:
#     - can_ip_forward on google_compute_instance, google_compute_instance_template, google_compute_region_instance_template
#   not_flagged:
#     - a missing can_ip_forward (false by default)
#     - unknown values
package iac_guard.gcp.compute.ip_forwarding

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s enables IP forwarding", [r.address]), "can_ip_forward") if {
	some r in gcp.instances
	lib.is_true(r.values.can_ip_forward)
}
