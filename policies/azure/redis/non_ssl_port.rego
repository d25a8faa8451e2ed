# METADATA
# title: Redis cache has the non-TLS port enabled
# description: >-
#   Port 6379 carries Redis traffic, the access key included, in clear text: anyone on
#   the path can read the cached data and steal the key.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports
# custom:
#   id: IAC-AZ-REDIS-001
#   severity: high
#   remediation: 'Set `non_ssl_port_enabled = false` (azurerm v2/v3: `enable_non_ssl_port = false`), the default.'
#   kinds: [terraform]
#   forms:
#     - non_ssl_port_enabled = true (azurerm v4)
#     - enable_non_ssl_port = true (azurerm v2/v3)
#   not_flagged:
#     - >-
#       An unset attribute: both names default to false. Unknown values.
package iac_guard.azure.redis.non_ssl_port

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("azurerm_redis_cache")
	some key in ["non_ssl_port_enabled", "enable_non_ssl_port"]
	lib.is_true(r.values[key])
	result := lib.finding(r, sprintf("Redis cache %s has the non-TLS port (6379) enabled", [r.address]), key)
}
