# METADATA
# title: Dataproc cluster VMs have external IP addresses
# description: >-
#   Unless restricted to internal IP addresses, every Dataproc master and worker gets an
#   external IP, exposing YARN, HDFS and web UIs to the internet wherever firewall rules
#   allow it.
# related_resources:
#   - ref: https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/network#create_a_cluster_that_uses_internal_ip_addresses_only
# custom:
#   id: IAC-GCP-DATAPROC-001
#   severity: medium
#   remediation: >-
#     Set `cluster_config { gce_cluster_config { internal_ip_only = true } }` on
#     `google_dataproc_cluster` (with Private Google Access on the subnetwork).
#   frameworks: []
#   kinds: [terraform]
#   forms:
#     - google_dataproc_cluster cluster_config gce_cluster_config internal_ip_only false, or missing (the provider documents external IPs by default)
#   not_flagged:
#     - unknown cluster_config / gce_cluster_config blocks or values
#     - clusters on image versions whose API default is internal-only, when the attribute is missing (not visible to a static scan, so set the attribute explicitly)
package iac_guard.gcp.dataproc.public_ip

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("Dataproc cluster %s gives its VMs external IP addresses", [r.address]), "cluster_config.0.gce_cluster_config.0.internal_ip_only") if {
	some r in lib.managed("google_dataproc_cluster")
	not lib.is_unknown(r.values.cluster_config)
	config := lib.block_or_empty(r.values, "cluster_config")
	not lib.is_unknown(config.gce_cluster_config)
	gce := lib.block_or_empty(config, "gce_cluster_config")
	lib.false_or_missing(gce, "internal_ip_only")
}
