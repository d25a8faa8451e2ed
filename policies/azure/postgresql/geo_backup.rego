# METADATA
# title: PostgreSQL server backups are not geo-redundant
# description: >-
#   Without geo-redundant backup storage, backups live in the server's region only: a
#   regional outage or disaster can take the database and every backup with it. The
#   setting can only be chosen when the server is created.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-backup-restore#backup-redundancy-options
# custom:
#   id: IAC-AZ-PG-004
#   severity: low
#   remediation: 'Set `geo_redundant_backup_enabled = true`.'
#   kinds: [terraform]
#   forms:
#     - geo_redundant_backup_enabled false, null or absent (the default is false)
#     - azurerm_postgresql_flexible_server and azurerm_postgresql_server (single server)
#   not_flagged:
#     - >-
#       Unknown values. Replica servers (`create_mode = "Replica"`), whose backups are the
#       source server's concern.
package iac_guard.azure.postgresql.geo_backup

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some rtype in ["azurerm_postgresql_flexible_server", "azurerm_postgresql_server"]
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "geo_redundant_backup_enabled")
	not lib.lowercase(r.values.create_mode) == "replica"
	result := lib.finding(r, sprintf("PostgreSQL server %s keeps backups in one region only", [r.address]), "geo_redundant_backup_enabled")
}
