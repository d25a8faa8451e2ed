# METADATA
# title: Glue Data Catalog metadata is not encrypted at rest
# description: >-
#   The Data Catalog holds table definitions, schemas, partition locations and connection
#   details for every dataset. With `catalog_encryption_mode = "DISABLED"` they are stored
#   without encryption under your key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
# custom:
#   id: IAC-AWS-GLUE-002
#   severity: medium
#   remediation: >-
#     Set `data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode
#     = "SSE-KMS" sse_aws_kms_key_id = ... } }` on the
#     `aws_glue_data_catalog_encryption_settings` (CloudFormation
#     `DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode` on
#     `AWS::Glue::DataCatalogEncryptionSettings`).
#   forms:
#     - 'Terraform `data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode } }`; CloudFormation `DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode`'
#     - '`DISABLED` in any case, or `encryption_at_rest` / the mode absent'
#   not_flagged:
#     - 'Accounts that declare no catalog encryption settings: the resource is account-level, judged only where the code declares it'
#     - 'Values that cannot be resolved'
package iac_guard.aws.glue.catalog_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_glue_data_catalog_encryption_settings")
	settings := lib.block(r.values, "data_catalog_encryption_settings")
	not lib.is_unknown(settings.encryption_at_rest)
	at_rest := lib.block_or_empty(settings, "encryption_at_rest")
	unencrypted(at_rest, "catalog_encryption_mode")
	result := lib.finding(r, sprintf("%s does not encrypt the Glue Data Catalog at rest", [r.address]), "data_catalog_encryption_settings.0.encryption_at_rest")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Glue::DataCatalogEncryptionSettings")
	settings := r.values.DataCatalogEncryptionSettings
	is_object(settings)
	not lib.is_unknown(settings)
	not lib.is_unknown(settings.EncryptionAtRest)
	unencrypted(object.get(settings, "EncryptionAtRest", {}), "CatalogEncryptionMode")
	result := lib.finding(r, sprintf("%s does not encrypt the Glue Data Catalog at rest", [r.address]), "DataCatalogEncryptionSettings.EncryptionAtRest")
}

unencrypted(at_rest, key) if not lib.has_key(at_rest, key)

unencrypted(at_rest, key) if at_rest[key] == null

unencrypted(at_rest, key) if lib.lowercase(at_rest[key]) == "disabled"
