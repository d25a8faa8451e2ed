package iac_guard.azure.mysql.ssl_enforcement_test

import data.iac_guard.azure.mysql.ssl_enforcement
import data.iac_guard.testing
import rego.v1

config(name, parameter, value) := testing.tf_resource("azurerm_mysql_flexible_server_configuration", name, {"name": parameter, "value": value, "server_name": testing.unknown("azurerm_mysql_flexible_server.db.name")})

test_flexible_configuration_off_is_denied if {
	ssl_enforcement.deny == {{
		"msg": "azurerm_mysql_flexible_server_configuration.tls turns off require_secure_transport: the server accepts unencrypted connections",
		"resource": "azurerm_mysql_flexible_server_configuration.tls",
		"file": "main.tf",
		"attribute": "value",
	}} with input as testing.tf([config("tls", "require_secure_transport", "OFF")])
}

test_every_form_is_denied if {
	testing.located(ssl_enforcement.deny) == {
		["azurerm_mysql_flexible_server_configuration.a", "value"],
		["azurerm_mysql_server.b", "ssl_enforcement_enabled"],
		["azurerm_mysql_server.c", "ssl_enforcement"],
	} with input as testing.tf([
		config("a", "require_secure_transport", "off"),
		testing.tf_resource("azurerm_mysql_server", "b", {"ssl_enforcement_enabled": false}),
		testing.tf_resource("azurerm_mysql_server", "c", {"ssl_enforcement": "Disabled"}),
	])
}

test_enforced_defaults_or_unknown_pass if {
	count(ssl_enforcement.deny) == 0 with input as testing.tf([
		config("a", "require_secure_transport", "ON"),
		config("b", "audit_log_enabled", "OFF"),
		config("c", "require_secure_transport", testing.unknown("var.tls")),
		testing.tf_resource("azurerm_mysql_flexible_server", "d", {}),
		testing.tf_resource("azurerm_mysql_server", "e", {"ssl_enforcement_enabled": true}),
		testing.tf_resource("azurerm_mysql_server", "f", {"ssl_enforcement": "Enabled"}),
	])
}
