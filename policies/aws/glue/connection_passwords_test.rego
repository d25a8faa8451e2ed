package iac_guard.aws.glue.connection_passwords_test

import data.iac_guard.aws.glue.connection_passwords
import data.iac_guard.testing
import rego.v1

test_unencrypted_connection_passwords_are_denied if {
	testing.addresses(connection_passwords.deny) == {"aws_glue_data_catalog_encryption_settings.a", "aws_glue_data_catalog_encryption_settings.b"} with input as testing.tf([
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "a", {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": false}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "b", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "c", {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": true}]}]}),
		testing.tf_resource("aws_glue_data_catalog_encryption_settings", "d", {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": testing.unknown("var.x")}]}]}),
	])
}

test_message if {
	connection_passwords.deny == {{
		"msg": "aws_glue_data_catalog_encryption_settings.a returns Glue connection passwords unencrypted",
		"resource": "aws_glue_data_catalog_encryption_settings.a",
		"file": "main.tf",
		"attribute": "data_catalog_encryption_settings.0.connection_password_encryption",
	}} with input as testing.tf([testing.tf_resource("aws_glue_data_catalog_encryption_settings", "a", {"data_catalog_encryption_settings": [{}]})])
}

test_cloudformation_unencrypted_connection_passwords_are_denied if {
	testing.located(connection_passwords.deny) == {["A", "DataCatalogEncryptionSettings.ConnectionPasswordEncryption"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Glue::DataCatalogEncryptionSettings", "A", {"DataCatalogEncryptionSettings": {"ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": "false"}}}),
		testing.cfn_resource("AWS::Glue::DataCatalogEncryptionSettings", "B", {"DataCatalogEncryptionSettings": {"ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": true}}}),
	])
}
