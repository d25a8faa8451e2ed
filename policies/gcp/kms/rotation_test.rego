package iac_guard.gcp.kms.rotation_test

import data.iac_guard.gcp.kms.rotation
import data.iac_guard.testing
import rego.v1

test_missing_rotation_is_denied if {
	rotation.deny == {{
		"msg": "KMS key google_kms_crypto_key.k is not rotated automatically",
		"resource": "google_kms_crypto_key.k",
		"file": "main.tf",
		"attribute": "rotation_period",
	}} with input as testing.tf([testing.tf_resource("google_kms_crypto_key", "k", {"name": "k", "key_ring": "r"})])
}

test_long_or_empty_rotation_is_denied if {
	testing.addresses(rotation.deny) == {"google_kms_crypto_key.yearly", "google_kms_crypto_key.empty", "google_kms_crypto_key.explicit"} with input as testing.tf([
		testing.tf_resource("google_kms_crypto_key", "yearly", {"rotation_period": "31536000s"}),
		testing.tf_resource("google_kms_crypto_key", "empty", {"rotation_period": ""}),
		testing.tf_resource("google_kms_crypto_key", "explicit", {"purpose": "ENCRYPT_DECRYPT", "rotation_period": null}),
	])
}

test_rotated_or_asymmetric_keys_pass if {
	count(rotation.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_kms_crypto_key", "a", {"rotation_period": "7776000s"}),
		testing.tf_resource("google_kms_crypto_key", "b", {"rotation_period": "2592000s"}),
		testing.tf_resource("google_kms_crypto_key", "c", {"purpose": "ASYMMETRIC_SIGN"}),
		testing.tf_resource("google_kms_crypto_key", "d", {"rotation_period": testing.unknown("var.period")}),
		testing.tf_resource("google_kms_crypto_key", "e", {"import_only": true}),
		testing.tf_resource("google_kms_crypto_key", "f", {"purpose": testing.unknown("var.purpose")}),
	])
}
