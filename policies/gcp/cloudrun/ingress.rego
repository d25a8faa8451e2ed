# METADATA
# title: Cloud Run service accepts traffic from the whole internet
# description: >-
#   With ingress "all" (the default) the service's run.app URL is reachable from any
#   network, bypassing the load balancer, Cloud Armor and IAP in front of it; internal
#   ingress limits it to the VPC and internal (or external) load balancers.
# related_resources:
#   - ref: https://cloud.google.com/run/docs/securing/ingress
# custom:
#   id: IAC-GCP-RUN-002
#   severity: low
#   remediation: >-
#     Set `ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY"` (or
#     `"INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"`) on `google_cloud_run_v2_service`, or the
#     annotation `run.googleapis.com/ingress = "internal"` (or
#     `"internal-and-cloud-load-balancing"`) in `metadata` of `google_cloud_run_service`.
#   frameworks: []
#   kinds: [terraform]
#   forms:
#     - google_cloud_run_v2_service ingress missing (INGRESS_TRAFFIC_ALL by default) or INGRESS_TRAFFIC_ALL
#     - google_cloud_run_service metadata annotations run.googleapis.com/ingress missing ("all" by default) or "all"
#   not_flagged:
#     - unknown ingress values, metadata blocks or annotation maps
package iac_guard.gcp.cloudrun.ingress

import data.iac_guard.lib
import rego.v1

message(r) := sprintf("Cloud Run service %s accepts traffic from all networks", [r.address])

deny contains lib.finding(r, message(r), "ingress") if {
	some r in lib.managed("google_cloud_run_v2_service")
	not lib.is_unknown(r.values.ingress)
	object.get(r.values, "ingress", null) in {null, "", "INGRESS_TRAFFIC_ALL"}
}

deny contains lib.finding(r, message(r), "metadata.0.annotations") if {
	some r in lib.managed("google_cloud_run_service")
	not lib.is_unknown(r.values.metadata)
	meta := lib.block_or_empty(r.values, "metadata")
	not lib.is_unknown(meta.annotations)
	annotations := object.get(meta, "annotations", {})
	is_object(annotations)
	not lib.is_unknown(annotations["run.googleapis.com/ingress"])
	object.get(annotations, "run.googleapis.com/ingress", null) in {null, "", "all"}
}
