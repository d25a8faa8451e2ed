# METADATA
# title: HTTP Cloud Function accepts traffic from the whole internet
# description: >-
#   With ingress ALLOW_ALL (the default) an HTTP function's URL is reachable from any
#   network; internal-only ingress limits callers to the VPC (and, with
#   ALLOW_INTERNAL_AND_GCLB, an external load balancer that can add Cloud Armor and IAP).
# related_resources:
#   - ref: https://cloud.google.com/functions/docs/networking/network-settings#ingress_settings
# custom:
#   id: IAC-GCP-FUNC-002
#   severity: low
#   remediation: >-
#     Set `ingress_settings = "ALLOW_INTERNAL_ONLY"` (or `"ALLOW_INTERNAL_AND_GCLB"`) on
#     `google_cloudfunctions_function`, or in `service_config` of
#     `google_cloudfunctions2_function`.
#   frameworks: []
#   kinds: [terraform]
#   forms:
#     - google_cloudfunctions_function ingress_settings (1st gen; judged when trigger_http = true)
#     - google_cloudfunctions2_function service_config ingress_settings (2nd gen; judged when there is no event_trigger)
#     - missing ingress_settings (ALLOW_ALL is the default) or "ALLOW_ALL"
#   not_flagged:
#     - event-triggered functions (no public HTTP endpoint to restrict)
#     - unknown triggers or ingress settings
package iac_guard.gcp.cloudfunctions.ingress

import data.iac_guard.lib
import rego.v1

message(r) := sprintf("HTTP function %s accepts traffic from all networks", [r.address])

deny contains lib.finding(r, message(r), "ingress_settings") if {
	some r in lib.managed("google_cloudfunctions_function")
	lib.is_true(r.values.trigger_http)
	allow_all(r.values)
}

deny contains lib.finding(r, message(r), "service_config.0.ingress_settings") if {
	some r in lib.managed("google_cloudfunctions2_function")
	not lib.has_block(r.values, "event_trigger")
	not lib.is_unknown(r.values.event_trigger)
	not lib.is_unknown(r.values.service_config)
	allow_all(lib.block_or_empty(r.values, "service_config"))
}

allow_all(obj) if lib.false_or_missing(obj, "ingress_settings")

allow_all(obj) if obj.ingress_settings == ""

allow_all(obj) if obj.ingress_settings == "ALLOW_ALL"
