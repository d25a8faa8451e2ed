# METADATA
# title: Compute Engine instance uses the default service account with full API access
# description: >-
#   The default service account holds the Editor role on the project; with the
#   cloud-platform scope, any process on the VM (or anyone who compromises it) can call
#   every Google Cloud API with those permissions.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
# custom:
#   id: IAC-GCP-GCE-005
#   severity: high
#   remediation: >-
#     In `service_account` of `google_compute_instance` / `google_compute_instance_template`
#     set `email` to a dedicated, minimally privileged service account, or narrow `scopes`
#     below `cloud-platform`.
#   frameworks: [CIS-GCP-4.2]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   forms:
#     - service_account email missing / "" / "default" / a literal <number>-compute@developer.gserviceaccount.com
#     - scopes as the alias "cloud-platform" or the URL https://www.googleapis.com/auth/cloud-platform
#     - instances and (regional) instance templates
#   not_flagged:
#     - instances without a service_account block (no service account is attached)
#     - unknown emails (a reference to a google_service_account) or unknown scope lists
package iac_guard.gcp.compute.default_sa_full_access

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs as the default service account with the cloud-platform scope", [r.address]), "service_account.0.scopes") if {
	some r in gcp.instances
	sa := lib.block(r.values, "service_account")
	gcp.default_compute_account(object.get(sa, "email", null))
	gcp.full_access(sa)
}
