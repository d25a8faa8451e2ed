# METADATA
# title: Cloud SQL instance has a public IP address
# description: >-
#   `ipv4_enabled` (true unless set otherwise) gives the instance a public address;
#   private IP keeps the database reachable only from your VPC.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/configure-private-ip
# custom:
#   id: IAC-GCP-SQL-003
#   severity: medium
#   remediation: >-
#     Set `settings { ip_configuration { ipv4_enabled = false, private_network =
#     google_compute_network.<name>.id } }`.
#   frameworks: [CIS-GCP-6.6]
#   kinds: [terraform]
#   forms:
#     - >-
#       `settings.ip_configuration.ipv4_enabled` absent, null or true (a public IP is the
#       default)
#   not_flagged:
#     - >-
#       instances whose public IP is open to 0.0.0.0/0: reported once, as IAC-GCP-SQL-001
#       (one exposure, one rule)
#     - >-
#       unknown settings or ip_configuration
package iac_guard.gcp.sql.public_ip

import data.iac_guard.gcp.sql.authorized_networks.world_open
import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("google_sql_database_instance")
	settings := lib.block(r.values, "settings")
	not lib.is_unknown(settings)
	not lib.is_unknown(object.get(settings, "ip_configuration", null))
	lib.true_or_missing(lib.block_or_empty(settings, "ip_configuration"), "ipv4_enabled")
	not world_open[r] # reported once, as IAC-GCP-SQL-001 (open to every address)
	result := lib.finding(r, sprintf("Cloud SQL instance %s has a public IP address", [r.address]), "settings.0.ip_configuration.0.ipv4_enabled")
}
