package iac_guard.azure.mysql.min_tls_test

import data.iac_guard.azure.mysql.min_tls
import data.iac_guard.testing
import rego.v1

config(name, parameter, value) := testing.tf_resource("azurerm_mysql_flexible_server_configuration", name, {"name": parameter, "value": value})

test_flexible_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "azurerm_mysql_flexible_server_configuration.tls lets the server accept TLSv1, TLSv1.1",
		"resource": "azurerm_mysql_flexible_server_configuration.tls",
		"file": "main.tf",
		"attribute": "value",
	}} with input as testing.tf([config("tls", "tls_version", "TLSv1,TLSv1.1,TLSv1.2")])
}

test_every_form_is_denied if {
	testing.addresses(min_tls.deny) == {"azurerm_mysql_flexible_server_configuration.a", "azurerm_mysql_server.b", "azurerm_mysql_server.c"} with input as testing.tf([
		config("a", "tls_version", "tlsv1 , TLSv1.2"),
		testing.tf_resource("azurerm_mysql_server", "b", {"ssl_minimal_tls_version_enforced": "TLS1_1"}),
		testing.tf_resource("azurerm_mysql_server", "c", {"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"}),
	])
}

test_modern_unset_or_unknown_pass if {
	count(min_tls.deny) == 0 with input as testing.tf([
		config("a", "tls_version", "TLSv1.2,TLSv1.3"),
		config("b", "tls_version", testing.unknown("var.tls")),
		testing.tf_resource("azurerm_mysql_server", "c", {"ssl_minimal_tls_version_enforced": "TLS1_2"}),
		testing.tf_resource("azurerm_mysql_server", "d", {}),
	])
}
