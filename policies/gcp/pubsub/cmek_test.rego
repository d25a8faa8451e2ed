package iac_guard.gcp.pubsub.cmek_test

import data.iac_guard.gcp.pubsub.cmek
import data.iac_guard.testing
import rego.v1

test_topic_without_key_is_denied if {
	cmek.deny == {{
		"msg": "Pub/Sub topic google_pubsub_topic.t is not encrypted with a customer-managed key",
		"resource": "google_pubsub_topic.t",
		"file": "main.tf",
		"attribute": "kms_key_name",
	}} with input as testing.tf([testing.tf_resource("google_pubsub_topic", "t", {"name": "orders"})])
}

test_empty_key_is_denied if {
	testing.addresses(cmek.deny) == {"google_pubsub_topic.a", "google_pubsub_topic.b"} with input as testing.tf([
		testing.tf_resource("google_pubsub_topic", "a", {"kms_key_name": ""}),
		testing.tf_resource("google_pubsub_topic", "b", {"kms_key_name": null}),
	])
}

test_keyed_topic_passes if {
	count(cmek.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_pubsub_topic", "a", {"kms_key_name": "projects/p/locations/global/keyRings/r/cryptoKeys/k"}),
		testing.tf_resource("google_pubsub_topic", "b", {"kms_key_name": testing.unknown("google_kms_crypto_key.pubsub.id")}),
		testing.tf_resource("google_pubsub_subscription", "c", {"topic": "orders"}),
	])
}
