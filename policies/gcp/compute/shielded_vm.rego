# METADATA
# title: Compute Engine instance is not a fully Shielded VM
# description: >-
#   Shielded VM's Secure Boot, virtual TPM and integrity monitoring protect the boot chain
#   against rootkits and bootkits and let you detect a tampered boot; Secure Boot is off
#   unless enabled.
# related_resources:
#   - ref: https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
# custom:
#   id: IAC-GCP-GCE-007
#   severity: low
#   remediation: >-
#     Add `shielded_instance_config { enable_secure_boot = true }` to
#     `google_compute_instance` / `google_compute_instance_template` and keep
#     `enable_vtpm` and `enable_integrity_monitoring` at their defaults (true), on a
#     Shielded-VM-capable image.
#   frameworks: [CIS-GCP-4.8]
#   kinds: [terraform]
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#   forms:
#     - shielded_instance_config enable_secure_boot (default false), enable_vtpm and enable_integrity_monitoring (default true)
#     - instances and (regional) instance templates
#   not_flagged:
#     - missing enable_vtpm / enable_integrity_monitoring (on by default)
#     - unknown shielded_instance_config blocks or values
package iac_guard.gcp.compute.shielded_vm

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

deny contains lib.finding(r, sprintf("%s runs without %s", [r.address, feature]), sprintf("shielded_instance_config.0.%s", [attr])) if {
	some r in gcp.instances
	not lib.is_unknown(r.values.shielded_instance_config)
	config := lib.block_or_empty(r.values, "shielded_instance_config")
	some [attr, feature] in off(config)
}

off(config) := {["enable_secure_boot", "Secure Boot"] | lib.false_or_missing(config, "enable_secure_boot")} | {["enable_vtpm", "a virtual TPM"] | lib.is_false(config.enable_vtpm)} | {["enable_integrity_monitoring", "integrity monitoring"] | lib.is_false(config.enable_integrity_monitoring)}
