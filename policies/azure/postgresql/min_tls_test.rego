package iac_guard.azure.postgresql.min_tls_test

import data.iac_guard.azure.postgresql.min_tls
import data.iac_guard.testing
import rego.v1

config(name, parameter, value) := testing.tf_resource("azurerm_postgresql_flexible_server_configuration", name, {"name": parameter, "value": value})

test_flexible_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "azurerm_postgresql_flexible_server_configuration.tls lets the server accept TLSv1.1",
		"resource": "azurerm_postgresql_flexible_server_configuration.tls",
		"file": "main.tf",
		"attribute": "value",
	}} with input as testing.tf([config("tls", "ssl_min_protocol_version", "TLSv1.1")])
}

test_single_server_forms_are_denied if {
	testing.addresses(min_tls.deny) == {"azurerm_postgresql_server.a", "azurerm_postgresql_server.b"} with input as testing.tf([
		testing.tf_resource("azurerm_postgresql_server", "a", {"ssl_minimal_tls_version_enforced": "TLS1_0"}),
		testing.tf_resource("azurerm_postgresql_server", "b", {"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"}),
	])
}

test_modern_unset_or_unknown_pass if {
	count(min_tls.deny) == 0 with input as testing.tf([
		config("a", "ssl_min_protocol_version", "TLSv1.2"),
		config("b", "ssl_min_protocol_version", testing.unknown("var.tls")),
		testing.tf_resource("azurerm_postgresql_server", "c", {"ssl_minimal_tls_version_enforced": "TLS1_2"}),
		testing.tf_resource("azurerm_postgresql_server", "d", {}),
	])
}
