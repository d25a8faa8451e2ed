package iac_guard.gcp.cloudfunctions.https_only_test

import data.iac_guard.gcp.cloudfunctions.https_only
import data.iac_guard.testing
import rego.v1

test_default_security_level_is_denied if {
	https_only.deny == {{
		"msg": "HTTP function google_cloudfunctions_function.hook does not enforce HTTPS",
		"resource": "google_cloudfunctions_function.hook",
		"file": "main.tf",
		"attribute": "https_trigger_security_level",
	}} with input as testing.tf([testing.tf_resource("google_cloudfunctions_function", "hook", {"trigger_http": true})])
}

test_secure_optional_is_denied if {
	testing.addresses(https_only.deny) == {"google_cloudfunctions_function.a"} with input as testing.tf([testing.tf_resource("google_cloudfunctions_function", "a", {"trigger_http": "true", "https_trigger_security_level": "SECURE_OPTIONAL"})])
}

test_secure_always_passes if {
	count(https_only.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_cloudfunctions_function", "a", {"trigger_http": true, "https_trigger_security_level": "SECURE_ALWAYS"}),
		testing.tf_resource("google_cloudfunctions_function", "b", {"event_trigger": [{"event_type": "google.storage.object.finalize"}]}),
		testing.tf_resource("google_cloudfunctions_function", "c", {"trigger_http": true, "https_trigger_security_level": testing.unknown("var.level")}),
		testing.tf_resource("google_cloudfunctions2_function", "d", {}),
	])
}
