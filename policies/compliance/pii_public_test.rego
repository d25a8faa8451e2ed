package iac_guard.compliance.pii_public_test

import data.iac_guard.compliance.pii_public
import data.iac_guard.testing
import rego.v1

settings := {"classification_tag": "data-classification", "sensitive_classifications": ["pii"]}

pab := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_pii_bucket_with_public_policy_is_denied if {
	pii_public.deny == {{
		"msg": "aws_s3_bucket.customers holds pii data but is reachable from the internet (IAC-AWS-S3-004)",
		"resource": "aws_s3_bucket.customers",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "customers", {"bucket": "customers", "tags": {"data-classification": "pii"}}),
		testing.tf_resource("aws_s3_bucket_public_access_block", "customers", object.union(pab, {"bucket": testing.unknown("aws_s3_bucket.customers.id")})),
		testing.tf_resource("aws_s3_bucket_policy", "customers", {"bucket": "customers", "policy": `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}`}),
	]) with data.iac_guard_settings as settings
}

test_private_pii_database_passes if {
	count(pii_public.deny) == 0 with input as testing.tf([testing.tf_resource("aws_db_instance", "crm", {"publicly_accessible": false, "tags": {"data-classification": "pii"}})]) with data.iac_guard_settings as settings
}

test_public_pii_sql_server_through_firewall_rule_is_denied if {
	testing.addresses(pii_public.deny) == {"azurerm_mssql_server.sql"} with input as testing.tf([
		testing.tf_resource("azurerm_mssql_server", "sql", {"public_network_access_enabled": false, "tags": {"data-classification": "pii"}}),
		testing.tf_resource("azurerm_mssql_firewall_rule", "all", {"server_id": testing.unknown("azurerm_mssql_server.sql.id"), "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}),
	]) with data.iac_guard_settings as settings
}
