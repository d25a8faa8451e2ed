# METADATA
# title: Redis cache accepts TLS older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are being retired by Azure. azurerm v2 and
#   v3 default `minimum_tls_version` to "1.0", so a cache that does not set it may still
#   accept them, depending on the provider version that created it.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-remove-tls-10-11
# custom:
#   id: IAC-AZ-REDIS-002
#   severity: medium
#   remediation: 'Set `minimum_tls_version = "1.2"`.'
#   kinds: [terraform]
#   forms:
#     - minimum_tls_version "1.0" or "1.1" (string or number)
#     - minimum_tls_version absent, null or "" (defaults to "1.0" before azurerm v4)
#   not_flagged:
#     - >-
#       Unknown values.
package iac_guard.azure.redis.min_tls

import data.iac_guard.lib
import rego.v1

weak(values) := "not set" if object.get(values, "minimum_tls_version", null) in {null, ""}

weak(values) := sprintf("%v", [values.minimum_tls_version]) if values.minimum_tls_version in {"1.0", "1.1", "1", 1, 1.1}

deny contains result if {
	some r in lib.managed("azurerm_redis_cache")
	version := weak(r.values)
	result := lib.finding(r, sprintf("Redis cache %s does not require TLS 1.2 (minimum_tls_version %s)", [r.address, version]), "minimum_tls_version")
}
