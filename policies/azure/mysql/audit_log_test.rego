package iac_guard.azure.mysql.audit_log_test

import data.iac_guard.azure.mysql.audit_log
import data.iac_guard.testing
import rego.v1

server(name) := testing.tf_resource("azurerm_mysql_flexible_server", name, {"name": sprintf("%s-mysql", [name])})

config(name, server, value) := testing.tf_resource("azurerm_mysql_flexible_server_configuration", name, {"name": "audit_log_enabled", "server_name": server, "value": value})

test_server_without_audit_log_is_denied if {
	audit_log.deny == {{
		"msg": "MySQL server azurerm_mysql_flexible_server.db has no audit log (audit_log_enabled is not ON)",
		"resource": "azurerm_mysql_flexible_server.db",
		"file": "main.tf",
		"attribute": "name",
	}} with input as testing.tf([server("db")])
}

test_audit_log_off_is_denied_on_both if {
	testing.located(audit_log.deny) == {
		["azurerm_mysql_flexible_server_configuration.a", "value"],
		["azurerm_mysql_server.b", "name"],
	} with input as testing.tf([
		server("a"),
		config("a", testing.unknown("azurerm_mysql_flexible_server.a.name"), "OFF"),
		testing.tf_resource("azurerm_mysql_server", "b", {"name": "b-mysql"}),
		testing.tf_resource("azurerm_mysql_configuration", "b", {"name": "audit_log_enabled", "server_name": "other-mysql", "value": "ON"}),
	])
}

test_audit_log_on_in_every_form_passes if {
	count(audit_log.deny) == 0 with input as testing.tf([
		server("a"),
		config("a", testing.unknown("azurerm_mysql_flexible_server.a.name"), "ON"),
		server("b"),
		config("b", "b-mysql", "on"),
		testing.tf_resource("azurerm_mysql_server", "c", {"name": "c-mysql"}),
		testing.tf_resource("azurerm_mysql_configuration", "c", {"name": "audit_log_enabled", "server_name": testing.unknown("azurerm_mysql_server.c.name"), "value": testing.unknown("var.audit")}),
	])
}

test_unresolved_server_passes if {
	count(audit_log.deny) == 0 with input as testing.tf([server("a"), config("x", testing.unknown("var.server"), "ON")])
}
