package iac_guard.gcp.cloudfunctions.ingress_test

import data.iac_guard.gcp.cloudfunctions.ingress
import data.iac_guard.testing
import rego.v1

test_http_function_default_ingress_is_denied if {
	ingress.deny == {{
		"msg": "HTTP function google_cloudfunctions_function.hook accepts traffic from all networks",
		"resource": "google_cloudfunctions_function.hook",
		"file": "main.tf",
		"attribute": "ingress_settings",
	}} with input as testing.tf([testing.tf_resource("google_cloudfunctions_function", "hook", {"runtime": "python312", "trigger_http": true})])
}

test_every_form_is_denied if {
	testing.located(ingress.deny) == {
		["google_cloudfunctions_function.explicit", "ingress_settings"],
		["google_cloudfunctions2_function.gen2", "service_config.0.ingress_settings"],
		["google_cloudfunctions2_function.gen2_default", "service_config.0.ingress_settings"],
	} with input as testing.tf([
		testing.tf_resource("google_cloudfunctions_function", "explicit", {"trigger_http": true, "ingress_settings": "ALLOW_ALL"}),
		testing.tf_resource("google_cloudfunctions2_function", "gen2", {"service_config": [{"ingress_settings": "ALLOW_ALL"}]}),
		testing.tf_resource("google_cloudfunctions2_function", "gen2_default", {"build_config": [{"runtime": "go122"}]}),
	])
}

test_internal_or_event_functions_pass if {
	count(ingress.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_cloudfunctions_function", "a", {"trigger_http": true, "ingress_settings": "ALLOW_INTERNAL_ONLY"}),
		testing.tf_resource("google_cloudfunctions_function", "b", {"event_trigger": [{"event_type": "google.pubsub.topic.publish"}]}),
		testing.tf_resource("google_cloudfunctions2_function", "c", {"service_config": [{"ingress_settings": "ALLOW_INTERNAL_AND_GCLB"}]}),
		testing.tf_resource("google_cloudfunctions2_function", "d", {"event_trigger": [{"event_type": "google.cloud.pubsub.topic.v1.messagePublished"}]}),
		testing.tf_resource("google_cloudfunctions_function", "e", {"trigger_http": true, "ingress_settings": testing.unknown("var.ingress")}),
		testing.tf_resource("google_cloudfunctions2_function", "f", {"service_config": testing.unknown("local.svc")}),
	])
}
