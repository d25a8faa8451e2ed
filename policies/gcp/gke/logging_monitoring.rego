# METADATA
# title: GKE cluster turns off Cloud Logging or Cloud Monitoring
# description: >-
#   With `logging_service` or `monitoring_service` set to "none", the cluster's system
#   and workload logs (or metrics) are not collected, leaving incidents without an
#   audit trail.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs
# custom:
#   id: IAC-GCP-GKE-011
#   severity: medium
#   remediation: >-
#     Remove `logging_service = "none"` / `monitoring_service = "none"` from
#     `google_container_cluster` (defaults: logging.googleapis.com/kubernetes and
#     monitoring.googleapis.com/kubernetes), and do not empty `logging_config
#     { enable_components }`.
#   frameworks: [CIS-GKE-5.7.1]
#   kinds: [terraform]
#   forms:
#     - logging_service / monitoring_service = "none"
#     - logging_config { enable_components = [] } (no component logged)
#   not_flagged:
#     - missing attributes (the defaults log and monitor)
#     - unknown values
package iac_guard.gcp.gke.logging_monitoring

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s sets %s to none", [r.address, attr]), attr) if {
	some r in lib.managed("google_container_cluster")
	some attr in ["logging_service", "monitoring_service"]
	lib.lowercase(r.values[attr]) == "none"
}

deny contains lib.finding(r, sprintf("GKE cluster %s logs no component", [r.address]), "logging_config.0.enable_components") if {
	some r in lib.managed("google_container_cluster")
	components := lib.block(r.values, "logging_config").enable_components
	is_array(components)
	count(components) == 0
}
