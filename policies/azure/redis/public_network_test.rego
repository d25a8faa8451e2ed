package iac_guard.azure.redis.public_network_test

import data.iac_guard.azure.redis.public_network
import data.iac_guard.testing
import rego.v1

redis(name, values) := testing.tf_resource("azurerm_redis_cache", name, values)

firewall(name, cache) := testing.tf_resource("azurerm_redis_firewall_rule", name, {"redis_cache_name": cache, "start_ip": "203.0.113.1", "end_ip": "203.0.113.9"})

test_open_cache_is_denied if {
	public_network.deny == {{
		"msg": "Redis cache azurerm_redis_cache.cache accepts traffic from any network",
		"resource": "azurerm_redis_cache.cache",
		"file": "main.tf",
		"attribute": "public_network_access_enabled",
	}} with input as testing.tf([redis("cache", {"name": "acme-cache"})])
}

test_open_in_every_form_is_denied if {
	testing.addresses(public_network.deny) == {"azurerm_redis_cache.a", "azurerm_redis_cache.b"} with input as testing.tf([
		redis("a", {"public_network_access_enabled": true, "subnet_id": ""}),
		redis("b", {"name": "b-cache", "public_network_access_enabled": null}),
		firewall("other", "another-cache"),
	])
}

test_private_injected_firewalled_or_unknown_pass if {
	count(public_network.deny) == 0 with input as testing.tf([
		redis("a", {"public_network_access_enabled": false}),
		redis("b", {"subnet_id": testing.unknown("azurerm_subnet.redis.id")}),
		redis("c", {"name": "c-cache"}),
		firewall("by_name", "c-cache"),
		redis("d", {"name": testing.unknown("var.name")}),
		firewall("by_reference", testing.unknown("azurerm_redis_cache.d.name")),
		redis("e", {"public_network_access_enabled": testing.unknown("var.public")}),
	])
}
