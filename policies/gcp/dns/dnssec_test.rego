package iac_guard.gcp.dns.dnssec_test

import data.iac_guard.gcp.dns.dnssec
import data.iac_guard.testing
import rego.v1

test_missing_dnssec_is_denied if {
	dnssec.deny == {{
		"msg": "Public DNS zone google_dns_managed_zone.z does not enable DNSSEC",
		"resource": "google_dns_managed_zone.z",
		"file": "main.tf",
		"attribute": "dnssec_config.0.state",
	}} with input as testing.tf([testing.tf_resource("google_dns_managed_zone", "z", {"dns_name": "example.com."})])
}

test_off_and_transfer_are_denied if {
	testing.addresses(dnssec.deny) == {"google_dns_managed_zone.off", "google_dns_managed_zone.transfer"} with input as testing.tf([
		testing.tf_resource("google_dns_managed_zone", "off", {"visibility": "public", "dnssec_config": [{"state": "off"}]}),
		testing.tf_resource("google_dns_managed_zone", "transfer", {"dnssec_config": [{"state": "transfer"}]}),
	])
}

test_dnssec_on_or_private_passes if {
	count(dnssec.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_dns_managed_zone", "a", {"dnssec_config": [{"state": "on"}]}),
		testing.tf_resource("google_dns_managed_zone", "b", {"visibility": "private"}),
		testing.tf_resource("google_dns_managed_zone", "c", {"dnssec_config": [{"state": testing.unknown("var.state")}]}),
		testing.tf_resource("google_dns_managed_zone", "d", {"visibility": testing.unknown("var.visibility")}),
	])
}
