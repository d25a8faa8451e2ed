# METADATA
# title: Compute Engine interactive serial console is enabled
# description: >-
#   The interactive serial console accepts connections from any IP address and is not
#   governed by firewall rules; anyone holding a project SSH key can reach the VM's
#   console with it.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
# custom:
#   id: IAC-GCP-GCE-001
#   severity: medium
#   remediation: >-
#     Remove `serial-port-enable` from `metadata` of `google_compute_instance` /
#     `google_compute_instance_template` and from `google_compute_project_metadata(_item)`,
#     or set it to "false".
#   frameworks: [CIS-GCP-4.5]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_project_metadata
#     - google_compute_project_metadata_item
#   forms:
#     - metadata serial-port-enable on google_compute_instance, google_compute_instance_template, google_compute_region_instance_template
#     - project-wide google_compute_project_metadata metadata map and google_compute_project_metadata_item key / value
#     - value as "TRUE" / "true" / "1" / true
#   not_flagged:
#     - a missing key (the serial console is off by default)
#     - unknown metadata maps or values
package iac_guard.gcp.compute.serial_port

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s enables the interactive serial console", [r.address]), "metadata.serial-port-enable") if {
	some r in gcp.instances
	gcp.truthy(gcp.metadata_value(r.values.metadata, "serial-port-enable"))
}

deny contains lib.finding(r, sprintf("%s enables the interactive serial console for the whole project", [r.address]), attr) if {
	some [r, attr, "serial-port-enable", v] in gcp.project_metadata
	gcp.truthy(v)
}
