package iac_guard.azure.defender.security_contact_test

import data.iac_guard.azure.defender.security_contact
import data.iac_guard.testing
import rego.v1

contact(name, values) := testing.tf_resource("azurerm_security_center_contact", name, values)

test_notifications_off_is_denied if {
	security_contact.deny == {{
		"msg": "security contact azurerm_security_center_contact.c turns off alert notifications",
		"resource": "azurerm_security_center_contact.c",
		"file": "main.tf",
		"attribute": "alert_notifications",
	}} with input as testing.tf([contact("c", {"email": "secops@example.com", "alert_notifications": false, "alerts_to_admins": true})])
}

test_every_form_is_denied if {
	testing.located(security_contact.deny) == {
		["azurerm_security_center_contact.a", "alerts_to_admins"],
		["azurerm_security_center_contact.b", "email"],
		["azurerm_security_center_contact.c", "email"],
	} with input as testing.tf([
		contact("a", {"email": "secops@example.com", "alert_notifications": true, "alerts_to_admins": "false"}),
		contact("b", {"email": "", "alert_notifications": true, "alerts_to_admins": true}),
		contact("c", {"alert_notifications": true, "alerts_to_admins": true}),
	])
}

test_notified_or_unknown_passes if {
	count(security_contact.deny) == 0 with input as testing.tf([
		contact("a", {"email": "secops@example.com", "alert_notifications": true, "alerts_to_admins": true}),
		contact("b", {"email": testing.unknown("var.email"), "alert_notifications": testing.unknown("var.on"), "alerts_to_admins": true}),
	])
}
