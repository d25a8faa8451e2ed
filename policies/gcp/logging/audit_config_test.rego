package iac_guard.gcp.logging.audit_config_test

import data.iac_guard.gcp.logging.audit_config
import data.iac_guard.testing
import rego.v1

test_exempted_member_is_denied if {
	audit_config.deny == {{
		"msg": "google_project_iam_audit_config.all exempts user:ci@example.com from DATA_READ audit logs",
		"resource": "google_project_iam_audit_config.all",
		"file": "main.tf",
		"attribute": "audit_log_config.0.exempted_members",
	}} with input as testing.tf([testing.tf_resource("google_project_iam_audit_config", "all", {"service": "allServices", "audit_log_config": [
		{"log_type": "DATA_READ", "exempted_members": ["user:ci@example.com"]},
		{"log_type": "DATA_WRITE"},
		{"log_type": "ADMIN_READ"},
	]})])
}

test_every_form_is_denied if {
	testing.located(audit_config.deny) == {
		["google_organization_iam_audit_config.org", "audit_log_config"],
		["google_folder_iam_audit_config.f", "audit_log_config.0.exempted_members"],
		["data.google_iam_policy.p", "audit_config.0.audit_log_configs"],
		["data.google_iam_policy.p", "audit_config.0.audit_log_configs.1.exempted_members"],
	} with input as testing.tf([
		testing.tf_resource("google_organization_iam_audit_config", "org", {"service": "allServices", "audit_log_config": [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_WRITE"}]}),
		testing.tf_resource("google_folder_iam_audit_config", "f", {"service": "storage.googleapis.com", "audit_log_config": [{"log_type": "DATA_READ", "exempted_members": ["group:etl@example.com"]}]}),
		testing.tf_data("google_iam_policy", "p", {"audit_config": [{"service": "allServices", "audit_log_configs": [{"log_type": "DATA_READ"}, {"log_type": "ADMIN_READ", "exempted_members": ["user:a@example.com"]}]}]}),
	])
}

test_complete_audit_config_passes if {
	count(audit_config.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_project_iam_audit_config", "a", {"service": "allServices", "audit_log_config": [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE", "exempted_members": []}]}),
		testing.tf_resource("google_project_iam_audit_config", "b", {"service": "bigquery.googleapis.com", "audit_log_config": [{"log_type": "DATA_READ"}]}),
		testing.tf_resource("google_project_iam_audit_config", "c", {"service": "allServices", "audit_log_config": [{"log_type": testing.unknown("var.t")}]}),
		testing.tf_resource("google_project_iam_audit_config", "d", {"service": "allServices", "audit_log_config": [{"log_type": "DATA_READ", "exempted_members": [testing.unknown("var.m")]}, {"log_type": "DATA_WRITE"}]}),
	])
}
