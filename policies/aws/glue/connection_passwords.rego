# METADATA
# title: Glue returns connection passwords unencrypted
# description: >-
#   Glue connections hold database passwords. Unless connection password encryption is
#   on, `GetConnection` returns them in clear text to anyone allowed to describe
#   connections.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html
# custom:
#   id: IAC-AWS-GLUE-003
#   severity: medium
#   remediation: >-
#     Set `data_catalog_encryption_settings { connection_password_encryption {
#     return_connection_password_encrypted = true aws_kms_key_id = ... } }` on the
#     `aws_glue_data_catalog_encryption_settings` (CloudFormation
#     `DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`).
#   forms:
#     - 'Terraform `connection_password_encryption { return_connection_password_encrypted }`; CloudFormation `ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted` (boolean or string)'
#     - 'The block or the flag absent, null or false'
#   not_flagged:
#     - 'Accounts that declare no catalog encryption settings, and values that cannot be resolved'
package iac_guard.aws.glue.connection_passwords

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_glue_data_catalog_encryption_settings")
	settings := lib.block(r.values, "data_catalog_encryption_settings")
	not lib.is_unknown(settings.connection_password_encryption)
	lib.false_or_missing(lib.block_or_empty(settings, "connection_password_encryption"), "return_connection_password_encrypted")
	result := lib.finding(r, sprintf("%s returns Glue connection passwords unencrypted", [r.address]), "data_catalog_encryption_settings.0.connection_password_encryption")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Glue::DataCatalogEncryptionSettings")
	settings := r.values.DataCatalogEncryptionSettings
	is_object(settings)
	not lib.is_unknown(settings)
	not lib.is_unknown(settings.ConnectionPasswordEncryption)
	lib.false_or_missing(object.get(settings, "ConnectionPasswordEncryption", {}), "ReturnConnectionPasswordEncrypted")
	result := lib.finding(r, sprintf("%s returns Glue connection passwords unencrypted", [r.address]), "DataCatalogEncryptionSettings.ConnectionPasswordEncryption")
}
