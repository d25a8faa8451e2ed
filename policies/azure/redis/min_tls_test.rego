package iac_guard.azure.redis.min_tls_test

import data.iac_guard.azure.redis.min_tls
import data.iac_guard.testing
import rego.v1

redis(name, values) := testing.tf_resource("azurerm_redis_cache", name, values)

test_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "Redis cache azurerm_redis_cache.cache does not require TLS 1.2 (minimum_tls_version 1.0)",
		"resource": "azurerm_redis_cache.cache",
		"file": "main.tf",
		"attribute": "minimum_tls_version",
	}} with input as testing.tf([redis("cache", {"minimum_tls_version": "1.0"})])
}

test_unset_or_numeric_old_tls_is_denied if {
	testing.addresses(min_tls.deny) == {"azurerm_redis_cache.a", "azurerm_redis_cache.b", "azurerm_redis_cache.c"} with input as testing.tf([
		redis("a", {}),
		redis("b", {"minimum_tls_version": 1.1}),
		redis("c", {"minimum_tls_version": ""}),
	])
}

test_tls12_or_unknown_passes if {
	count(min_tls.deny) == 0 with input as testing.tf([
		redis("a", {"minimum_tls_version": "1.2"}),
		redis("b", {"minimum_tls_version": testing.unknown("var.tls")}),
	])
}
