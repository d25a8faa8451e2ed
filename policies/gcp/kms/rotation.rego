# METADATA
# title: Cloud KMS key is not rotated at least every 90 days
# description: >-
#   A symmetric encryption key without automatic rotation (or with a period over 90 days)
#   protects ever more data with one key version, widening the impact of its compromise.
# related_resources:
#   - ref: https://cloud.google.com/kms/docs/key-rotation
# custom:
#   id: IAC-GCP-KMS-001
#   severity: medium
#   remediation: >-
#     Set `rotation_period = "7776000s"` (90 days) or shorter on `google_kms_crypto_key`.
#   frameworks: [CIS-GCP-1.10]
#   kinds: [terraform]
#   forms:
#     - google_kms_crypto_key rotation_period missing, "" / null, or a duration string over 7776000s
#     - purpose missing (ENCRYPT_DECRYPT by default) or ENCRYPT_DECRYPT
#   not_flagged:
#     - asymmetric and MAC keys (ASYMMETRIC_SIGN, ASYMMETRIC_DECRYPT, MAC, RAW_ENCRYPT_DECRYPT), which Cloud KMS cannot rotate automatically
#     - import_only keys (new versions are imported by hand)
#     - unknown purposes or periods
package iac_guard.gcp.kms.rotation

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

max_seconds := 7776000

symmetric(values) if lib.false_or_missing(values, "purpose")

symmetric(values) if values.purpose == "ENCRYPT_DECRYPT"

deny contains lib.finding(r, sprintf("KMS key %s is not rotated automatically", [r.address]), "rotation_period") if {
	some r in lib.managed("google_kms_crypto_key")
	symmetric(r.values)
	lib.false_or_missing(r.values, "import_only")
	unset(object.get(r.values, "rotation_period", null))
}

deny contains lib.finding(r, sprintf("KMS key %s is rotated every %s, more than 90 days", [r.address, r.values.rotation_period]), "rotation_period") if {
	some r in lib.managed("google_kms_crypto_key")
	symmetric(r.values)
	lib.false_or_missing(r.values, "import_only")
	gcp.seconds(r.values.rotation_period) > max_seconds
}

unset(v) if v == null

unset(v) if v == ""
