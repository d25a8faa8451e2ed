# METADATA
# title: Compute Engine instance has an external IP address
# description: >-
#   An external IP address makes the VM directly reachable from the internet, subject
#   only to firewall rules; VMs should sit behind load balancers, Cloud NAT or IAP.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address#disableexternalip
# custom:
#   id: IAC-GCP-GCE-004
#   severity: medium
#   remediation: >-
#     Remove the `access_config` block (and `ipv6_access_config`) from each
#     `network_interface` of `google_compute_instance` / `google_compute_instance_template`;
#     reach the VM through IAP, a load balancer or Cloud NAT.
#   frameworks: [CIS-GCP-4.9]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   forms:
#     - network_interface access_config (an empty block gives an ephemeral external IPv4) on instances and (regional) templates
#     - network_interface ipv6_access_config (an external IPv6 address)
#   not_flagged:
#     - network interfaces or access_config blocks that are unknown (dynamic blocks over variables)
package iac_guard.gcp.compute.public_ip

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s has an external IP address on network interface %d", [r.address, i]), sprintf("network_interface.%d.%s", [i, attr])) if {
	some r in gcp.instances
	some i, nic in lib.items(r.values.network_interface)
	some attr in ["access_config", "ipv6_access_config"]
	is_array(nic[attr])
	count(nic[attr]) > 0
}
