# METADATA
# title: OS Login is not enabled for the project, or an instance turns it off
# description: >-
#   OS Login ties SSH access to IAM identities (with 2-step verification and immediate
#   revocation when an account is removed) instead of SSH keys left in metadata.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/oslogin/set-up-oslogin
# custom:
#   id: IAC-GCP-GCE-010
#   severity: medium
#   remediation: >-
#     Set `enable-oslogin = "TRUE"` in `google_compute_project_metadata` `metadata` (or a
#     `google_compute_project_metadata_item` with `key = "enable-oslogin"`), and remove
#     `enable-oslogin = "FALSE"` from instance and template `metadata`.
#   frameworks: [CIS-GCP-4.4]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_project_metadata
#     - google_compute_project_metadata_item
#   forms:
#     - google_compute_project_metadata (authoritative for all project metadata, so a missing enable-oslogin means off)
#     - google_compute_project_metadata_item key enable-oslogin with a false value
#     - instance / (regional) template metadata enable-oslogin = "FALSE" overriding the project
#   not_flagged:
#     - projects whose metadata is not managed in the scanned code
#     - instances without the key (they inherit the project's setting)
#     - unknown metadata maps or values
package iac_guard.gcp.compute.oslogin

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s does not enable OS Login for the project", [r.address]), "metadata.enable-oslogin") if {
	some r in lib.managed("google_compute_project_metadata")
	is_object(r.values.metadata)
	not lib.is_unknown(r.values.metadata)
	not lib.is_unknown(r.values.metadata["enable-oslogin"])
	not gcp.truthy(gcp.metadata_value(r.values.metadata, "enable-oslogin"))
}

deny contains lib.finding(r, sprintf("%s turns OS Login off for the project", [r.address]), "value") if {
	some [r, "value", "enable-oslogin", v] in gcp.project_metadata
	gcp.falsy(v)
}

deny contains lib.finding(r, sprintf("%s turns OS Login off", [r.address]), "metadata.enable-oslogin") if {
	some r in gcp.instances
	gcp.falsy(gcp.metadata_value(r.values.metadata, "enable-oslogin"))
}
