package iac_guard.azure.eventhub.min_tls_test

import data.iac_guard.azure.eventhub.min_tls
import data.iac_guard.testing
import rego.v1

ns(name, values) := testing.tf_resource("azurerm_eventhub_namespace", name, values)

test_old_tls_is_denied if {
	min_tls.deny == {{
		"msg": "Event Hubs namespace azurerm_eventhub_namespace.ns accepts TLS 1.0",
		"resource": "azurerm_eventhub_namespace.ns",
		"file": "main.tf",
		"attribute": "minimum_tls_version",
	}} with input as testing.tf([ns("ns", {"minimum_tls_version": "1.0"})])
}

test_numeric_old_tls_is_denied if {
	testing.addresses(min_tls.deny) == {"azurerm_eventhub_namespace.a"} with input as testing.tf([ns("a", {"minimum_tls_version": 1.1})])
}

test_tls12_unset_or_unknown_pass if {
	count(min_tls.deny) == 0 with input as testing.tf([
		ns("a", {"minimum_tls_version": "1.2"}),
		ns("b", {}),
		ns("c", {"minimum_tls_version": testing.unknown("var.tls")}),
	])
}
