# METADATA
# title: Cloud SQL instance accepts connections from any address
# description: >-
#   An authorized network of 0.0.0.0/0 lets every host on the internet reach the
#   instance's public IP and try its database passwords.
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
package iac_guard.gcp.sql.authorized_networks

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("google_sql_database_instance")
	ip := lib.block(lib.block(r.values, "settings"), "ip_configuration")
	some i, network in lib.items(ip.authorized_networks)
	lib.any_world(network.value)
	result := lib.finding(r, sprintf("Cloud SQL instance %s authorizes %s", [r.address, network.value]), sprintf("settings.0.ip_configuration.0.authorized_networks.%d", [i]))
}
