# METADATA
# title: Redis cache accepts connections without authentication
# description: >-
#   With authentication disabled, any client that can reach the cache reads and changes
#   every key without an access key or token: one compromised host in the virtual
#   network reaches all cached data.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-keys
# custom:
#   id: IAC-AZ-REDIS-004
#   severity: high
#   remediation: >-
#     Remove `redis_configuration { authentication_enabled = false }` (azurerm v2/v3:
#     `enable_authentication = false`); both default to true.
#   kinds: [terraform]
#   forms:
#     - redis_configuration.authentication_enabled = false (azurerm v4)
#     - redis_configuration.enable_authentication = false (azurerm v2/v3)
#   not_flagged:
#     - >-
#       An unset flag: authentication is on by default. Unknown values.
package iac_guard.azure.redis.authentication

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_redis_cache")
	config := lib.block(r.values, "redis_configuration")
	some key in ["authentication_enabled", "enable_authentication"]
	lib.is_false(config[key])
	result := lib.finding(r, sprintf("Redis cache %s accepts connections without authentication", [r.address]), sprintf("redis_configuration.0.%s", [key]))
}
