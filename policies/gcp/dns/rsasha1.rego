# METADATA
# title: Cloud DNS zone signs with RSASHA1
# description: >-
#   RSASHA1 relies on SHA-1, whose collision resistance is broken; DNSSEC signatures made
#   with it give weaker assurance than RSASHA256, RSASHA512 or ECDSA.
# related_resources:
#   - ref: https://cloud.google.com/dns/docs/dnssec-advanced#advanced-signing-options
# custom:
#   id: IAC-GCP-DNS-002
#   severity: medium
#   remediation: >-
#     In `dnssec_config { default_key_specs { ... } }` of `google_dns_managed_zone` set
#     `algorithm = "rsasha256"` (or `"ecdsap256sha256"`) for both the keySigning and the
#     zoneSigning key.
#   frameworks: [CIS-GCP-3.4, CIS-GCP-3.5]
#   kinds: [terraform]
#   forms:
#     - dnssec_config default_key_specs algorithm "rsasha1" for key_type keySigning (CIS 3.4) or zoneSigning (CIS 3.5), any case
#   not_flagged:
#     - default key specs (Cloud DNS picks RSASHA256 when none are given)
#     - unknown algorithms
package iac_guard.gcp.dns.rsasha1

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("DNS zone %s signs its %s key with RSASHA1", [r.address, spec.key_type]), sprintf("dnssec_config.0.default_key_specs.%d.algorithm", [i])) if {
	some r in lib.managed("google_dns_managed_zone")
	config := lib.block(r.values, "dnssec_config")
	some i, spec in lib.items(config.default_key_specs)
	lib.lowercase(spec.algorithm) == "rsasha1"
	is_string(spec.key_type)
}

deny contains lib.finding(r, sprintf("DNS zone %s signs with RSASHA1", [r.address]), sprintf("dnssec_config.0.default_key_specs.%d.algorithm", [i])) if {
	some r in lib.managed("google_dns_managed_zone")
	config := lib.block(r.values, "dnssec_config")
	some i, spec in lib.items(config.default_key_specs)
	lib.lowercase(spec.algorithm) == "rsasha1"
	not is_string(spec.key_type)
}
