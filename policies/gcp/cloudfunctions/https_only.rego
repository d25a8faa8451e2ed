# METADATA
# title: HTTP Cloud Function (1st gen) accepts plain HTTP
# description: >-
#   A 1st gen HTTP function whose security level is not SECURE_ALWAYS answers plain HTTP
#   requests too, exposing request data and credentials in transit; the API's default
#   when the level is unspecified is SECURE_OPTIONAL.
# related_resources:
#   - ref: https://cloud.google.com/functions/docs/writing/write-http-functions#security_levels
# custom:
#   id: IAC-GCP-FUNC-003
#   severity: medium
#   remediation: >-
#     Set `https_trigger_security_level = "SECURE_ALWAYS"` on
#     `google_cloudfunctions_function` with `trigger_http = true`.
#   frameworks: []
#   kinds: [terraform]
#   forms:
#     - google_cloudfunctions_function https_trigger_security_level missing (SECURE_OPTIONAL by the API's default), "SECURE_OPTIONAL" or "SECURITY_LEVEL_UNSPECIFIED"
#   not_flagged:
#     - 2nd gen functions (google_cloudfunctions2_function), whose Cloud Run URLs redirect HTTP to HTTPS
#     - event-triggered functions and unknown values
package iac_guard.gcp.cloudfunctions.https_only

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("HTTP function %s does not enforce HTTPS", [r.address]), "https_trigger_security_level") if {
	some r in lib.managed("google_cloudfunctions_function")
	lib.is_true(r.values.trigger_http)
	not lib.is_unknown(r.values.https_trigger_security_level)
	object.get(r.values, "https_trigger_security_level", null) != "SECURE_ALWAYS"
}
