# METADATA
# title: Compute Engine disk is encrypted with a Google-managed key only
# description: >-
#   Without a customer-managed (Cloud KMS) or customer-supplied key, you cannot revoke
#   access to a disk's data, rotate its key on your schedule or audit its use
#   separately from the disk.
# related_resources:
#   - ref: https://cloud.google.com/compute/docs/disks/customer-managed-encryption
# custom:
#   id: IAC-GCP-GCE-008
#   severity: low
#   remediation: >-
#     Set `boot_disk { kms_key_self_link = google_kms_crypto_key.<key>.id }` on
#     `google_compute_instance`, `disk { disk_encryption_key { kms_key_self_link = ... } }`
#     on instance templates, and `disk_encryption_key { kms_key_self_link = ... }` on
#     `google_compute_disk` (or a customer-supplied `raw_key` / `rsa_encrypted_key`).
#   frameworks: [CIS-GCP-4.7]
#   kinds: [terraform]
#   forms:
#     - google_compute_instance boot_disk kms_key_self_link / disk_encryption_key_raw / disk_encryption_key_rsa
#     - google_compute_instance_template and region template disk blocks' disk_encryption_key kms_key_self_link
#     - google_compute_disk / google_compute_region_disk disk_encryption_key kms_key_self_link / kms_key_name / raw_key / rsa_encrypted_key
#     - an empty or null key counts as unset
#   not_flagged:
#     - attached disks of google_compute_instance (attached_disk names a google_compute_disk, judged itself)
#     - template disks that attach an existing disk (source set), and unknown keys or blocks
package iac_guard.gcp.compute.disk_encryption

import data.iac_guard.lib
import rego.v1

message(r, what) := sprintf("%s encrypts %s with a Google-managed key only", [r.address, what])

deny contains lib.finding(r, message(r, "its boot disk"), "boot_disk.0") if {
	some r in lib.managed("google_compute_instance")
	not lib.is_unknown(r.values.boot_disk)
	disk := lib.block_or_empty(r.values, "boot_disk")
	not keyed(disk, ["kms_key_self_link", "disk_encryption_key_raw", "disk_encryption_key_rsa"])
}

deny contains lib.finding(r, message(r, sprintf("disk %d", [i])), sprintf("disk.%d", [i])) if {
	some t in ["google_compute_instance_template", "google_compute_region_instance_template"]
	some r in lib.managed(t)
	some i, disk in lib.items(r.values.disk)
	is_object(disk)
	not attaches_existing(disk)
	not lib.is_unknown(disk.disk_encryption_key)
	not keyed(lib.block_or_empty(disk, "disk_encryption_key"), ["kms_key_self_link", "kms_key_name"])
}

deny contains lib.finding(r, message(r, "the disk"), "disk_encryption_key") if {
	some t in ["google_compute_disk", "google_compute_region_disk"]
	some r in lib.managed(t)
	not lib.is_unknown(r.values.disk_encryption_key)
	not keyed(lib.block_or_empty(r.values, "disk_encryption_key"), ["kms_key_self_link", "kms_key_name", "raw_key", "rsa_encrypted_key"])
}

keyed(obj, attrs) if {
	some attr in attrs
	is_string(obj[attr])
	obj[attr] != ""
}

keyed(obj, attrs) if {
	some attr in attrs
	lib.is_unknown(obj[attr])
}

attaches_existing(disk) if {
	is_string(disk.source)
	disk.source != ""
}

attaches_existing(disk) if lib.is_unknown(disk.source)
