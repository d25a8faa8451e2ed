# METADATA
# title: Cloud SQL instance accepts connections from any address
# description: >-
#   An authorized network of 0.0.0.0/0 lets every host on the internet reach the
#   instance's public IP and try its database passwords. The public-instance rule: an
#   instance open this way is reported here, not also as IAC-GCP-SQL-003.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/authorize-networks
# custom:
#   id: IAC-GCP-SQL-001
#   severity: critical
#   remediation: >-
#     Remove the `authorized_networks` entry whose `value` is 0.0.0.0/0 from
#     `settings.ip_configuration`, list only known CIDRs, or connect through the Cloud SQL
#     Auth Proxy / private IP.
#   frameworks: [CIS-GCP-6.5]
#   kinds: [terraform]
#   forms:
#     - >-
#       `settings.ip_configuration.authorized_networks[].value` 0.0.0.0/0, ::/0 or any /0,
#       on an instance with a public IP (`ipv4_enabled` absent or true)
#   not_flagged:
#     - >-
#       authorized networks of an instance without a public IP (`ipv4_enabled = false`):
#       they admit nobody
package iac_guard.gcp.sql.authorized_networks

import data.iac_guard.lib
import rego.v1

# Authorized networks admit clients to the instance's public IP only: an instance
# without one (`ipv4_enabled = false`) is not reachable through them.
public_ip(settings) if {
	not lib.is_unknown(object.get(settings, "ip_configuration", null))
	lib.true_or_missing(lib.block_or_empty(settings, "ip_configuration"), "ipv4_enabled")
}

public_ip(settings) if lib.block_unknown(settings, "ip_configuration", "ipv4_enabled")

# [instance, index of the first authorized network open to the world]: shared with
# IAC-GCP-SQL-003, which leaves these instances to this rule (one finding per exposure).
world_open[r] := min(indexes) if {
	some r in lib.managed("google_sql_database_instance")
	settings := lib.block(r.values, "settings")
	public_ip(settings)
	ip := lib.block(settings, "ip_configuration")
	indexes := {i | some i, network in lib.items(ip.authorized_networks); lib.any_world(network.value)}
	count(indexes) > 0
}

deny contains result if {
	some r, _ in world_open
	ip := lib.block(lib.block(r.values, "settings"), "ip_configuration")
	some i, network in lib.items(ip.authorized_networks)
	lib.any_world(network.value)
	result := lib.finding(r, sprintf("Cloud SQL instance %s authorizes %s", [r.address, network.value]), sprintf("settings.0.ip_configuration.0.authorized_networks.%d", [i]))
}
