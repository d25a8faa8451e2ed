package iac_guard.aws.glue.catalog_encryption_test

import data.iac_guard.aws.glue.catalog_encryption
import data.iac_guard.testing
import rego.v1

test_unencrypted_catalog_is_denied if {
	catalog_encryption.deny == {
		{
			"msg": "aws_glue_data_catalog_encryption_settings.a does not encrypt the Glue Data Catalog at rest",
			"resource": "aws_glue_data_catalog_encryption_settings.a",
			"file": "main.tf",
			"attribute": "data_catalog_encryption_settings.0.encryption_at_rest",
		},
		{
			"msg": "aws_glue_data_catalog_encryption_settings.b does not encrypt the Glue Data Catalog at rest",
			"resource": "aws_glue_data_catalog_encryption_settings.b",
			"file": "main.tf",
			"attribute": "data_catalog_encryption_settings.0.encryption_at_rest",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "a", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "DISABLED"}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "b", {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": true}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "c", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "d", {"data_catalog_encryption_settings": [{"encryption_at_rest": testing.unknown("dynamic")}]}),
	])
}

test_cloudformation_unencrypted_catalog_is_denied if {
	testing.located(catalog_encryption.deny) == {["A", "DataCatalogEncryptionSettings.EncryptionAtRest"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Glue::DataCatalogEncryptionSettings", "A", {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": "disabled"}}}),
		testing.cfn_resource("AWS::Glue::DataCatalogEncryptionSettings", "B", {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS-WITH-SERVICE-ROLE"}}}),
	])
}
