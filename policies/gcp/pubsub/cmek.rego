# METADATA
# title: Pub/Sub topic is not encrypted with a customer-managed key
# description: >-
#   Messages stored by a topic without `kms_key_name` are encrypted with Google-managed
#   keys only: you cannot revoke access to them by disabling a key, nor control its
#   rotation or audit its use.
# related_resources:
#   - ref: https://cloud.google.com/pubsub/docs/encryption
# custom:
#   id: IAC-GCP-PUBSUB-001
#   severity: low
#   remediation: >-
#     Set `kms_key_name = google_kms_crypto_key.<key>.id` on `google_pubsub_topic` (and
#     grant the Pub/Sub service agent the Encrypter/Decrypter role on the key).
#   frameworks: []
#   kinds: [terraform]
#   forms:
#     - google_pubsub_topic kms_key_name missing, "" or null
#   not_flagged:
#     - subscriptions (they store messages with the topic's key)
#     - unknown key names
package iac_guard.gcp.pubsub.cmek

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("Pub/Sub topic %s is not encrypted with a customer-managed key", [r.address]), "kms_key_name") if {
	some r in lib.managed("google_pubsub_topic")
	not lib.is_unknown(r.values.kms_key_name)
	not keyed(r.values.kms_key_name)
}

keyed(v) if {
	is_string(v)
	v != ""
}
