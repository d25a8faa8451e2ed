package iac_guard.compliance.pii_encrypted_test

import data.iac_guard.compliance.pii_encrypted
import data.iac_guard.testing
import rego.v1

settings := {"classification_tag": "data-classification", "sensitive_classifications": ["pii", "confidential"]}

test_unencrypted_pii_bucket_is_denied if {
	pii_encrypted.deny == {{
		"msg": "aws_s3_bucket.customers holds PII data but is not encrypted at rest and in transit (IAC-AWS-S3-002)",
		"resource": "aws_s3_bucket.customers",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "customers", {"bucket": "customers", "tags": {"data-classification": "PII"}}),
		testing.tf_resource("aws_s3_bucket", "public_assets", {"bucket": "assets", "tags": {"data-classification": "public"}}),
	]) with data.iac_guard_settings as settings
}

test_encrypted_pii_stores_pass if {
	count(pii_encrypted.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "customers", {"bucket": "customers", "tags": {"data-classification": "pii"}}),
		testing.tf_resource("aws_s3_bucket_server_side_encryption_configuration", "customers", {"bucket": testing.unknown("aws_s3_bucket.customers.id")}),
		testing.tf_resource("aws_db_instance", "crm", {"storage_encrypted": true, "tags": {"data-classification": "confidential"}}),
	]) with data.iac_guard_settings as settings
}

test_cloudformation_unencrypted_confidential_table_is_denied if {
	testing.located(pii_encrypted.deny) == {["Orders", ""]} with input as testing.cfn([testing.cfn_resource("AWS::DynamoDB::Table", "Orders", {"Tags": [{"Key": "data-classification", "Value": "confidential"}]})]) with data.iac_guard_settings as settings
}
