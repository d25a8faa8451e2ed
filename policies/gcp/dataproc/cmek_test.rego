package iac_guard.gcp.dataproc.cmek_test

import data.iac_guard.gcp.dataproc.cmek
import data.iac_guard.testing
import rego.v1

test_missing_key_is_denied if {
	cmek.deny == {{
		"msg": "Dataproc cluster google_dataproc_cluster.c is not encrypted with a customer-managed key",
		"resource": "google_dataproc_cluster.c",
		"file": "main.tf",
		"attribute": "cluster_config.0.encryption_config.0.kms_key_name",
	}} with input as testing.tf([testing.tf_resource("google_dataproc_cluster", "c", {"cluster_config": [{"master_config": [{"num_instances": 1}]}]})])
}

test_empty_key_is_denied if {
	testing.addresses(cmek.deny) == {"google_dataproc_cluster.a", "google_dataproc_cluster.b"} with input as testing.tf([
		testing.tf_resource("google_dataproc_cluster", "a", {}),
		testing.tf_resource("google_dataproc_cluster", "b", {"cluster_config": [{"encryption_config": [{"kms_key_name": ""}]}]}),
	])
}

test_keyed_cluster_passes if {
	count(cmek.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_dataproc_cluster", "a", {"cluster_config": [{"encryption_config": [{"kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}]}),
		testing.tf_resource("google_dataproc_cluster", "b", {"cluster_config": [{"encryption_config": [{"kms_key_name": testing.unknown("google_kms_crypto_key.dp.id")}]}]}),
		testing.tf_resource("google_dataproc_cluster", "c", {"cluster_config": testing.unknown("local.config")}),
	])
}
