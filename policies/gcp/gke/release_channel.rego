# METADATA
# title: GKE cluster is not enrolled in a release channel
# description: >-
#   A cluster taken out of release channels (`channel = "UNSPECIFIED"`) no longer
#   receives Google's curated, automatically applied Kubernetes versions and security
#   patches.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels
# custom:
#   id: IAC-GCP-GKE-012
#   severity: low
#   remediation: >-
#     Set `release_channel { channel = "REGULAR" }` (or "RAPID" / "STABLE") on
#     `google_container_cluster`.
#   frameworks: [CIS-GKE-5.5.4]
#   kinds: [terraform]
#   forms:
#     - release_channel { channel = "UNSPECIFIED" }
#   not_flagged:
#     - a missing release_channel block (GKE enrolls new clusters in the Regular channel when none is given)
#     - unknown channels
package iac_guard.gcp.gke.release_channel

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("GKE cluster %s is not enrolled in a release channel", [r.address]), "release_channel.0.channel") if {
	some r in lib.managed("google_container_cluster")
	lib.block(r.values, "release_channel").channel == "UNSPECIFIED"
}
