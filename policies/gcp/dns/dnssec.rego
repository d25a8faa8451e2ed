# METADATA
# title: Public Cloud DNS zone does not use DNSSEC
# description: >-
#   Without DNSSEC, resolvers cannot verify the zone's answers, so DNS spoofing and cache
#   poisoning can redirect users of the domain to attacker-controlled hosts.
# related_resources:
#   - ref: https://cloud.google.com/dns/docs/dnssec-config
# custom:
#   id: IAC-GCP-DNS-001
#   severity: medium
#   remediation: >-
#     Add `dnssec_config { state = "on" }` to the public `google_dns_managed_zone`.
#   frameworks: [CIS-GCP-3.3]
#   kinds: [terraform]
#   forms:
#     - google_dns_managed_zone dnssec_config missing (DNSSEC is off by default) or state "off" / "transfer"
#     - visibility missing (public by default) or "public", any case
#   not_flagged:
#     - private zones (visibility = "private"), which DNSSEC does not apply to
#     - unknown visibility, dnssec_config blocks or states
package iac_guard.gcp.dns.dnssec

import data.iac_guard.lib
import rego.v1

deny contains lib.finding(r, sprintf("Public DNS zone %s does not enable DNSSEC", [r.address]), "dnssec_config.0.state") if {
	some r in lib.managed("google_dns_managed_zone")
	public(r.values)
	not lib.is_unknown(r.values.dnssec_config)
	config := lib.block_or_empty(r.values, "dnssec_config")
	not lib.is_unknown(config.state)
	lib.lowercase(object.get(config, "state", "off")) != "on"
}

public(values) if lib.false_or_missing(values, "visibility")

public(values) if lib.lowercase(values.visibility) == "public"
