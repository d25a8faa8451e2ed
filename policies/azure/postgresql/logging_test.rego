package iac_guard.azure.postgresql.logging_test

import data.iac_guard.azure.postgresql.logging
import data.iac_guard.testing
import rego.v1

flexible(name, parameter, value) := testing.tf_resource("azurerm_postgresql_flexible_server_configuration", name, {"name": parameter, "value": value})

single(name, parameter, value) := testing.tf_resource("azurerm_postgresql_configuration", name, {"name": parameter, "value": value})

test_connection_logging_off_is_denied if {
	logging.deny == {{
		"msg": "azurerm_postgresql_flexible_server_configuration.conn turns off log_connections",
		"resource": "azurerm_postgresql_flexible_server_configuration.conn",
		"file": "main.tf",
		"attribute": "value",
	}} with input as testing.tf([flexible("conn", "log_connections", "off")])
}

test_every_parameter_and_type_is_denied if {
	testing.addresses(logging.deny) == {
		"azurerm_postgresql_flexible_server_configuration.a",
		"azurerm_postgresql_flexible_server_configuration.b",
		"azurerm_postgresql_configuration.c",
		"azurerm_postgresql_configuration.d",
		"azurerm_postgresql_configuration.e",
	} with input as testing.tf([
		flexible("a", "log_checkpoints", "OFF"),
		flexible("b", "connection_throttle.enable", "off"),
		single("c", "log_disconnections", "off"),
		single("d", "connection_throttling", "OFF"),
		single("e", "log_retention_days", "3"),
	])
}

test_on_long_retention_other_or_unknown_pass if {
	count(logging.deny) == 0 with input as testing.tf([
		flexible("a", "log_connections", "on"),
		flexible("b", "log_checkpoints", testing.unknown("var.on")),
		single("c", "log_retention_days", "7"),
		single("d", "require_secure_transport", "on"),
		single("e", "log_retention_days", testing.unknown("var.days")),
	])
}
