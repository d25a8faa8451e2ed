package iac_guard.gcp.dns.rsasha1_test

import data.iac_guard.gcp.dns.rsasha1
import data.iac_guard.testing
import rego.v1

test_rsasha1_key_signing_is_denied if {
	rsasha1.deny == {{
		"msg": "DNS zone google_dns_managed_zone.z signs its keySigning key with RSASHA1",
		"resource": "google_dns_managed_zone.z",
		"file": "main.tf",
		"attribute": "dnssec_config.0.default_key_specs.0.algorithm",
	}} with input as testing.tf([testing.tf_resource("google_dns_managed_zone", "z", {"dnssec_config": [{"state": "on", "default_key_specs": [{"algorithm": "rsasha1", "key_type": "keySigning", "key_length": 2048}, {"algorithm": "rsasha256", "key_type": "zoneSigning", "key_length": 1024}]}]})])
}

test_zone_signing_is_denied if {
	testing.located(rsasha1.deny) == {["google_dns_managed_zone.z", "dnssec_config.0.default_key_specs.1.algorithm"]} with input as testing.tf([testing.tf_resource("google_dns_managed_zone", "z", {"dnssec_config": [{"default_key_specs": [{"algorithm": "ecdsap256sha256", "key_type": "keySigning"}, {"algorithm": "RSASHA1", "key_type": "zoneSigning"}]}]})])
}

test_strong_algorithms_pass if {
	count(rsasha1.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_dns_managed_zone", "a", {"dnssec_config": [{"state": "on"}]}),
		testing.tf_resource("google_dns_managed_zone", "b", {"dnssec_config": [{"default_key_specs": [{"algorithm": "rsasha256", "key_type": "keySigning"}]}]}),
		testing.tf_resource("google_dns_managed_zone", "c", {"dnssec_config": [{"default_key_specs": [{"algorithm": testing.unknown("var.alg"), "key_type": "zoneSigning"}]}]}),
	])
}
