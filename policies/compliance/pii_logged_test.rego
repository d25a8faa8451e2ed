package iac_guard.compliance.pii_logged_test

import data.iac_guard.compliance.pii_logged
import data.iac_guard.testing
import rego.v1

settings := {"classification_tag": "classification", "sensitive_classifications": ["pii"]}

test_unlogged_pii_database_is_denied if {
	pii_logged.deny == {{
		"msg": "aws_db_instance.crm holds pii data but does not log access (IAC-AWS-RDS-005)",
		"resource": "aws_db_instance.crm",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([testing.tf_resource("aws_db_instance", "crm", {"tags": {"classification": "pii"}})]) with data.iac_guard_settings as settings
}

test_logged_pii_database_and_untagged_stores_pass if {
	count(pii_logged.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "crm", {"enabled_cloudwatch_logs_exports": ["postgresql"], "tags": {"classification": "pii"}}),
		testing.tf_resource("aws_db_instance", "cache", {"tags": {"data-classification": "pii"}}),
	]) with data.iac_guard_settings as settings
}
