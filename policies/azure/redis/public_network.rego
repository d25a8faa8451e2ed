# METADATA
# title: Redis cache accepts traffic from any network
# description: >-
#   With public network access on (the default), no firewall rule and no virtual
#   network injection, the cache's endpoint answers every address on the internet and
#   only the access key protects the data.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-private-link
# custom:
#   id: IAC-AZ-REDIS-003
#   severity: medium
#   remediation: >-
#     Set `public_network_access_enabled = false` and use private endpoints, inject the
#     cache into a subnet (`subnet_id`, Premium), or add `azurerm_redis_firewall_rule`s.
#   kinds: [terraform]
#   forms:
#     - public_network_access_enabled true, null or absent (the default is true)
#     - subnet_id (virtual network injection, no public endpoint)
#     - azurerm_redis_firewall_rule naming the cache by reference or by literal name
#   not_flagged:
#     - >-
#       Unknown values. What the firewall rules admit (one rule restricts the cache to its
#       ranges).
package iac_guard.azure.redis.public_network

import data.iac_guard.lib
import rego.v1

firewalled := lib.pointers("azurerm_redis_firewall_rule", "redis_cache_name")

restricted(r) if not lib.true_or_missing(r.values, "public_network_access_enabled")

restricted(r) if not object.get(r.values, "subnet_id", null) in {null, ""}

restricted(r) if lib.pointed_at(r, firewalled, "name")

deny contains result if {
	some r in lib.managed("azurerm_redis_cache")
	not restricted(r)
	result := lib.finding(r, sprintf("Redis cache %s accepts traffic from any network", [r.address]), "public_network_access_enabled")
}
