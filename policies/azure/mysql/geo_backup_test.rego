package iac_guard.azure.mysql.geo_backup_test

import data.iac_guard.azure.mysql.geo_backup
import data.iac_guard.testing
import rego.v1

test_local_backups_are_denied if {
	geo_backup.deny == {{
		"msg": "MySQL server azurerm_mysql_flexible_server.db keeps backups in one region only",
		"resource": "azurerm_mysql_flexible_server.db",
		"file": "main.tf",
		"attribute": "geo_redundant_backup_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_mysql_flexible_server", "db", {})])
}

test_both_types_are_denied if {
	testing.addresses(geo_backup.deny) == {"azurerm_mysql_flexible_server.a", "azurerm_mysql_server.b"} with input as testing.tf([
		testing.tf_resource("azurerm_mysql_flexible_server", "a", {"geo_redundant_backup_enabled": false}),
		testing.tf_resource("azurerm_mysql_server", "b", {"geo_redundant_backup_enabled": null}),
	])
}

test_geo_backup_replicas_or_unknown_pass if {
	count(geo_backup.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_mysql_flexible_server", "a", {"geo_redundant_backup_enabled": true}),
		testing.tf_resource("azurerm_mysql_server", "b", {"geo_redundant_backup_enabled": testing.unknown("var.geo")}),
		testing.tf_resource("azurerm_mysql_flexible_server", "c", {"create_mode": "Replica"}),
	])
}
