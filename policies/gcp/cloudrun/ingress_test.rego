package iac_guard.gcp.cloudrun.ingress_test

import data.iac_guard.gcp.cloudrun.ingress
import data.iac_guard.testing
import rego.v1

test_default_v2_ingress_is_denied if {
	ingress.deny == {{
		"msg": "Cloud Run service google_cloud_run_v2_service.api accepts traffic from all networks",
		"resource": "google_cloud_run_v2_service.api",
		"file": "main.tf",
		"attribute": "ingress",
	}} with input as testing.tf([testing.tf_resource("google_cloud_run_v2_service", "api", {"location": "europe-west1"})])
}

test_every_form_is_denied if {
	testing.located(ingress.deny) == {
		["google_cloud_run_v2_service.explicit", "ingress"],
		["google_cloud_run_service.v1_default", "metadata.0.annotations"],
		["google_cloud_run_service.v1_all", "metadata.0.annotations"],
	} with input as testing.tf([
		testing.tf_resource("google_cloud_run_v2_service", "explicit", {"ingress": "INGRESS_TRAFFIC_ALL"}),
		testing.tf_resource("google_cloud_run_service", "v1_default", {"template": [{}]}),
		testing.tf_resource("google_cloud_run_service", "v1_all", {"metadata": [{"annotations": {"run.googleapis.com/ingress": "all"}}]}),
	])
}

test_internal_ingress_passes if {
	count(ingress.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_cloud_run_v2_service", "a", {"ingress": "INGRESS_TRAFFIC_INTERNAL_ONLY"}),
		testing.tf_resource("google_cloud_run_v2_service", "b", {"ingress": testing.unknown("var.ingress")}),
		testing.tf_resource("google_cloud_run_service", "c", {"metadata": [{"annotations": {"run.googleapis.com/ingress": "internal-and-cloud-load-balancing"}}]}),
		testing.tf_resource("google_cloud_run_service", "d", {"metadata": [{"annotations": testing.unknown("local.annotations")}]}),
	])
}
