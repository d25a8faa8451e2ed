package iac_guard.gcp.gke.secrets_encryption_test

import data.iac_guard.gcp.gke.secrets_encryption
import data.iac_guard.testing
import rego.v1

test_missing_encryption_is_denied if {
	secrets_encryption.deny == {{
		"msg": "GKE cluster google_container_cluster.k does not encrypt Secrets with a Cloud KMS key",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "database_encryption.0.state",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {})])
}

test_decrypted_or_keyless_is_denied if {
	testing.addresses(secrets_encryption.deny) == {"google_container_cluster.a", "google_container_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"database_encryption": [{"state": "DECRYPTED"}]}),
		testing.tf_resource("google_container_cluster", "b", {"database_encryption": [{"state": "ENCRYPTED", "key_name": ""}]}),
	])
}

test_encrypted_passes if {
	count(secrets_encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"database_encryption": [{"state": "ENCRYPTED", "key_name": "projects/p/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"}]}),
		testing.tf_resource("google_container_cluster", "b", {"database_encryption": [{"state": "ENCRYPTED", "key_name": testing.unknown("google_kms_crypto_key.gke.id")}]}),
		testing.tf_resource("google_container_cluster", "c", {"database_encryption": testing.unknown("local.enc")}),
		testing.tf_resource("google_container_cluster", "d", {"database_encryption": [{"state": testing.unknown("var.state")}]}),
	])
}
