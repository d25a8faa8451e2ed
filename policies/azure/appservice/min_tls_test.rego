package iac_guard.azure.appservice.min_tls_test

import data.iac_guard.azure.appservice.min_tls
import data.iac_guard.testing
import rego.v1

test_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "app azurerm_linux_web_app.web accepts TLS 1.0 (site_config.minimum_tls_version)",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "site_config.0.minimum_tls_version",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {"site_config": [{"minimum_tls_version": "1.0"}]})])
}

test_every_form_is_denied if {
	testing.located(min_tls.deny) == {
		["azurerm_windows_function_app.a", "site_config.0.scm_minimum_tls_version"],
		["azurerm_app_service.b", "site_config.0.min_tls_version"],
		["azurerm_function_app.c", "site_config.0.min_tls_version"],
		["azurerm_function_app.c", "site_config.0.scm_min_tls_version"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_windows_function_app", "a", {"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.1"}]}),
		testing.tf_resource("azurerm_app_service", "b", {"site_config": [{"min_tls_version": "1.1"}]}),
		testing.tf_resource("azurerm_function_app", "c", {"site_config": [{"min_tls_version": 1.1, "scm_min_tls_version": "1.0"}]}),
	])
}

test_modern_unset_or_unknown_passes if {
	count(min_tls.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"site_config": [{"minimum_tls_version": "1.2"}]}),
		testing.tf_resource("azurerm_linux_web_app", "b", {"site_config": [{}]}),
		testing.tf_resource("azurerm_app_service", "c", {}),
		testing.tf_resource("azurerm_windows_web_app", "d", {"site_config": [{"minimum_tls_version": "1.3", "scm_minimum_tls_version": testing.unknown("var.tls")}]}),
		testing.tf_resource("azurerm_function_app", "e", {"site_config": [{"min_tls_version": 1.2}]}),
	])
}
