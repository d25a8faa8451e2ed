package iac_guard.azure.redis.authentication_test

import data.iac_guard.azure.redis.authentication
import data.iac_guard.testing
import rego.v1

redis(name, values) := testing.tf_resource("azurerm_redis_cache", name, values)

test_unauthenticated_cache_is_denied if {
	authentication.deny == {{
		"msg": "Redis cache azurerm_redis_cache.cache accepts connections without authentication",
		"resource": "azurerm_redis_cache.cache",
		"file": "main.tf",
		"attribute": "redis_configuration.0.authentication_enabled",
	}} with input as testing.tf([redis("cache", {"redis_configuration": [{"authentication_enabled": false}]})])
}

test_v3_attribute_is_denied if {
	testing.located(authentication.deny) == {["azurerm_redis_cache.a", "redis_configuration.0.enable_authentication"]} with input as testing.tf([redis("a", {"subnet_id": "x", "redis_configuration": [{"enable_authentication": "false"}]})])
}

test_authenticated_default_or_unknown_passes if {
	count(authentication.deny) == 0 with input as testing.tf([
		redis("a", {"redis_configuration": [{"authentication_enabled": true}]}),
		redis("b", {"redis_configuration": [{"maxmemory_policy": "allkeys-lru"}]}),
		redis("c", {}),
		redis("d", {"redis_configuration": [{"enable_authentication": testing.unknown("var.auth")}]}),
	])
}
