package iac_guard.gcp.gke.logging_monitoring_test

import data.iac_guard.gcp.gke.logging_monitoring
import data.iac_guard.testing
import rego.v1

test_logging_none_is_denied if {
	logging_monitoring.deny == {{
		"msg": "GKE cluster google_container_cluster.k sets logging_service to none",
		"resource": "google_container_cluster.k",
		"file": "main.tf",
		"attribute": "logging_service",
	}} with input as testing.tf([testing.tf_resource("google_container_cluster", "k", {"logging_service": "none"})])
}

test_monitoring_none_and_empty_components_are_denied if {
	testing.located(logging_monitoring.deny) == {
		["google_container_cluster.a", "monitoring_service"],
		["google_container_cluster.b", "logging_config.0.enable_components"],
	} with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {"monitoring_service": "none"}),
		testing.tf_resource("google_container_cluster", "b", {"logging_config": [{"enable_components": []}]}),
	])
}

test_default_logging_passes if {
	count(logging_monitoring.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_container_cluster", "a", {}),
		testing.tf_resource("google_container_cluster", "b", {"logging_service": "logging.googleapis.com/kubernetes", "logging_config": [{"enable_components": ["SYSTEM_COMPONENTS", "WORKLOADS"]}]}),
		testing.tf_resource("google_container_cluster", "c", {"logging_service": testing.unknown("var.logging"), "logging_config": [{"enable_components": testing.unknown("var.c")}]}),
	])
}
