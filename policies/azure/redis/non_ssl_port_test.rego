package iac_guard.azure.redis.non_ssl_port_test

import data.iac_guard.azure.redis.non_ssl_port
import data.iac_guard.testing
import rego.v1

redis(name, values) := testing.tf_resource("azurerm_redis_cache", name, values)

test_non_ssl_port_is_denied if {
	non_ssl_port.deny == {{
		"msg": "Redis cache azurerm_redis_cache.cache has the non-TLS port (6379) enabled",
		"resource": "azurerm_redis_cache.cache",
		"file": "main.tf",
		"attribute": "non_ssl_port_enabled",
	}} with input as testing.tf([redis("cache", {"non_ssl_port_enabled": true})])
}

test_legacy_attribute_is_denied if {
	testing.located(non_ssl_port.deny) == {["azurerm_redis_cache.a", "enable_non_ssl_port"]} with input as testing.tf([redis("a", {"enable_non_ssl_port": true})])
}

test_disabled_unset_or_unknown_pass if {
	count(non_ssl_port.deny) == 0 with input as testing.tf([
		redis("a", {"non_ssl_port_enabled": false}),
		redis("b", {"enable_non_ssl_port": false}),
		redis("c", {}),
		redis("d", {"non_ssl_port_enabled": testing.unknown("var.plain")}),
	])
}
