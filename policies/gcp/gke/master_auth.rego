# METADATA
# title: GKE cluster allows basic authentication or client certificates
# description: >-
#   Static basic-auth passwords and long-lived client certificates authenticate to the
#   Kubernetes API server outside IAM, cannot be revoked individually and are easily
#   leaked; Google recommends OAuth / IAM authentication only.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication
# custom:
#   id: IAC-GCP-GKE-002
#   severity: high
#   remediation: >-
#     In `google_container_cluster` `master_auth`, remove `username` / `password` and set
#     `client_certificate_config { issue_client_certificate = false }`.
#   frameworks: [CIS-GKE-5.8.1, CIS-GKE-5.8.2]
#   kinds: [terraform]
#   forms:
#     - master_auth username / password (basic auth, legacy provider versions)
#     - master_auth client_certificate_config issue_client_certificate
#   not_flagged:
#     - a missing master_auth or client_certificate_config (no client certificate and no basic auth is the default)
#     - an empty username ("" disables basic auth) and unknown values
package iac_guard.gcp.gke.master_auth

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s enables basic authentication", [r.address]), "master_auth.0.username") if {
	some r in lib.managed("google_container_cluster")
	auth := lib.block(r.values, "master_auth")
	is_string(auth.username)
	auth.username != ""
}

deny contains lib.finding(r, sprintf("GKE cluster %s issues a client certificate", [r.address]), "master_auth.0.client_certificate_config.0.issue_client_certificate") if {
	some r in lib.managed("google_container_cluster")
	auth := lib.block(r.values, "master_auth")
	lib.is_true(lib.block(auth, "client_certificate_config").issue_client_certificate)
}
