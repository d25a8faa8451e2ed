package iac_guard.gcp.compute.disk_encryption_test

import data.iac_guard.gcp.compute.disk_encryption
import data.iac_guard.testing
import rego.v1

test_boot_disk_without_cmek_is_denied if {
	disk_encryption.deny == {{
		"msg": "google_compute_instance.vm encrypts its boot disk with a Google-managed key only",
		"resource": "google_compute_instance.vm",
		"file": "main.tf",
		"attribute": "boot_disk.0",
	}} with input as testing.tf([testing.tf_resource("google_compute_instance", "vm", {"boot_disk": [{"initialize_params": [{"image": "debian-cloud/debian-12"}]}]})])
}

test_every_form_is_denied if {
	testing.located(disk_encryption.deny) == {
		["google_compute_instance.empty_key", "boot_disk.0"],
		["google_compute_instance_template.t", "disk.0"],
		["google_compute_disk.d", "disk_encryption_key"],
		["google_compute_region_disk.rd", "disk_encryption_key"],
	} with input as testing.tf([
		testing.tf_resource("google_compute_instance", "empty_key", {"boot_disk": [{"kms_key_self_link": ""}]}),
		testing.tf_resource("google_compute_instance_template", "t", {"disk": [{"source_image": "debian-cloud/debian-12"}, {"source": "existing-disk"}]}),
		testing.tf_resource("google_compute_disk", "d", {"size": 100}),
		testing.tf_resource("google_compute_region_disk", "rd", {"disk_encryption_key": [{"kms_key_name": null}]}),
	])
}

test_customer_keys_pass if {
	count(disk_encryption.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_compute_instance", "a", {"boot_disk": [{"kms_key_self_link": testing.unknown("google_kms_crypto_key.disk.id")}]}),
		testing.tf_resource("google_compute_instance", "b", {"boot_disk": [{"disk_encryption_key_raw": testing.unknown("var.csek")}]}),
		testing.tf_resource("google_compute_instance_template", "c", {"disk": [{"disk_encryption_key": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}]}),
		testing.tf_resource("google_compute_disk", "d", {"disk_encryption_key": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}),
		testing.tf_resource("google_compute_disk", "e", {"disk_encryption_key": [{"raw_key": testing.unknown("var.raw")}]}),
		testing.tf_resource("google_compute_disk", "f", {"disk_encryption_key": testing.unknown("local.key")}),
	])
}
