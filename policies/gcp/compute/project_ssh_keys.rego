# METADATA
# title: Compute Engine instance accepts project-wide SSH keys
# description: >-
#   Project-wide SSH keys open every VM in the project to whoever holds one of them; one
#   leaked key then reaches all instances. Blocking them limits each VM to its own keys
#   (or to OS Login).
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys
# custom:
#   id: IAC-GCP-GCE-002
#   severity: medium
#   remediation: >-
#     Set `metadata = { block-project-ssh-keys = "TRUE" }` on `google_compute_instance` /
#     `google_compute_instance_template`, or turn OS Login on (`enable-oslogin = "TRUE"` in
#     instance or project metadata), which ignores metadata SSH keys.
#   frameworks: [CIS-GCP-4.3]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_project_metadata
#     - google_compute_project_metadata_item
#   forms:
#     - metadata block-project-ssh-keys on instances and (regional) instance templates ("TRUE", true, "1")
#     - OS Login on the instance (metadata enable-oslogin) or project-wide (google_compute_project_metadata / _item) exempts
#   not_flagged:
#     - instances whose metadata map or either key is unknown
#     - instances in projects that turn OS Login on outside the scanned code (not visible)
package iac_guard.gcp.compute.project_ssh_keys

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s does not block project-wide SSH keys", [r.address]), "metadata.block-project-ssh-keys") if {
	some r in gcp.instances
	not lib.is_unknown(r.values.metadata)
	metadata := object.get(r.values, "metadata", {})
	is_object(metadata)
	not gcp.truthy(gcp.metadata_value(metadata, "block-project-ssh-keys"))
	not lib.is_unknown(metadata["block-project-ssh-keys"])
	not oslogin(metadata)
}

oslogin(metadata) if gcp.truthy(gcp.metadata_value(metadata, "enable-oslogin"))

oslogin(metadata) if lib.is_unknown(metadata["enable-oslogin"])

oslogin(metadata) if {
	gcp.project_oslogin
	not gcp.falsy(gcp.metadata_value(metadata, "enable-oslogin"))
}
