package iac_guard.azure.appservice.client_certificates_test

import data.iac_guard.azure.appservice.client_certificates
import data.iac_guard.testing
import rego.v1

test_web_app_without_client_certificates_is_denied if {
	client_certificates.deny == {{
		"msg": "web app azurerm_linux_web_app.web does not require client certificates",
		"resource": "azurerm_linux_web_app.web",
		"file": "main.tf",
		"attribute": "client_certificate_enabled",
	}} with input as testing.tf([testing.tf_resource("azurerm_linux_web_app", "web", {})])
}

test_every_form_is_denied if {
	testing.located(client_certificates.deny) == {
		["azurerm_windows_web_app.a", "client_certificate_enabled"],
		["azurerm_app_service.b", "client_cert_enabled"],
		["azurerm_linux_web_app.c", "client_certificate_mode"],
		["azurerm_app_service_slot.d", "client_cert_enabled"],
	} with input as testing.tf([
		testing.tf_resource("azurerm_windows_web_app", "a", {"client_certificate_enabled": false}),
		testing.tf_resource("azurerm_app_service", "b", {"client_cert_enabled": null}),
		testing.tf_resource("azurerm_linux_web_app", "c", {"client_certificate_enabled": true, "client_certificate_mode": "Optional"}),
		testing.tf_resource("azurerm_app_service_slot", "d", {}),
	])
}

test_required_certificates_function_apps_or_unknown_pass if {
	count(client_certificates.deny) == 0 with input as testing.tf([
		testing.tf_resource("azurerm_linux_web_app", "a", {"client_certificate_enabled": true}),
		testing.tf_resource("azurerm_windows_web_app", "b", {"client_certificate_enabled": true, "client_certificate_mode": "Required"}),
		testing.tf_resource("azurerm_app_service", "c", {"client_cert_enabled": true}),
		testing.tf_resource("azurerm_linux_function_app", "d", {}),
		testing.tf_resource("azurerm_linux_web_app", "e", {"client_certificate_enabled": testing.unknown("var.certs")}),
	])
}
