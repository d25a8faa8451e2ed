# METADATA
# title: Compute Engine instance uses the default service account
# description: >-
#   The Compute Engine default service account is shared by every VM that does not name
#   another and holds the Editor role on the project by default; each workload should
#   run as its own least-privileged service account.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances
# custom:
#   id: IAC-GCP-GCE-006
#   severity: medium
#   remediation: >-
#     Set `service_account { email = google_service_account.<name>.email }` on
#     `google_compute_instance` / `google_compute_instance_template`.
#   frameworks: [CIS-GCP-4.1]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   forms:
#     - service_account email missing / "" / "default" / a literal <number>-compute@developer.gserviceaccount.com
#     - instances and (regional) instance templates
#   not_flagged:
#     - VMs that also carry the cloud-platform scope (reported by IAC-GCP-GCE-005 instead)
#     - GKE-managed VMs and templates (names starting with gke-), whose account is the node pool's (see IAC-GCP-GKE-015)
#     - instances without a service_account block, and unknown emails or scopes
package iac_guard.gcp.compute.default_service_account

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs as the Compute Engine default service account", [r.address]), "service_account.0.email") if {
	some r in gcp.instances
	sa := lib.block(r.values, "service_account")
	gcp.default_compute_account(object.get(sa, "email", null))
	not lib.is_unknown(sa.scopes)
	not gcp.full_access(sa)
	not gke_managed(r)
}

gke_managed(r) if {
	is_string(r.values.name)
	startswith(r.values.name, "gke-")
}
