# METADATA
# title: Sensitive data store does not log access
# description: >-
#   Access to personal or confidential data must be traceable (GDPR Art. 30/33). A
#   resource tagged as holding it fails when any of the library's access-logging
#   policies reports it. Data is classified by the tag named in
#   data.iac_guard_settings.classification_tag (default data-classification) with a
#   value in sensitive_classifications (default pii, confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-003
#   severity: medium
#   remediation: >-
#     Fix the logging findings listed in the message: S3 server access logging, RDS
#     `enabled_cloudwatch_logs_exports`, Azure SQL extended auditing, GCS `logging`,
#     Cloud SQL connection logging flags.
#   frameworks: [GDPR-32]
#   resource_types:
#     - aws_s3_bucket
#     - aws_db_instance
#     - aws_rds_cluster
#     - aws_rds_cluster_instance
#     - aws_ebs_volume
#     - aws_instance
#     - aws_dynamodb_table
#     - aws_sqs_queue
#     - aws_sns_topic
#     - azurerm_storage_account
#     - azurerm_mssql_server
#     - azurerm_sql_server
#     - azurerm_postgresql_server
#     - azurerm_mysql_server
#     - azurerm_mariadb_server
#     - google_storage_bucket
#     - google_sql_database_instance
#     - AWS::S3::Bucket
#     - AWS::RDS::DBInstance
#     - AWS::RDS::DBCluster
#     - AWS::EC2::Volume
#     - AWS::EC2::Instance
#     - AWS::DynamoDB::Table
#     - AWS::SQS::Queue
#     - AWS::SNS::Topic
#   forms:
#     - >-
#       sensitive data stores failing the library's public-exposure checks (S3 ACLs,
#       policies, access blocks; RDS; Azure storage and SQL; GCS; Cloud SQL)
#   not_flagged:
#     - >-
#       data stores without the classification tag
package iac_guard.compliance.pii_logged

import data.iac_guard.aws.rds.logging as rds_logging
import data.iac_guard.aws.s3.access_logging as s3_logging
import data.iac_guard.azure.sql.auditing as azure_sql_auditing
import data.iac_guard.gcp.sql.postgres_logging as gcp_postgres_logging
import data.iac_guard.gcp.storage.access_logging as gcp_bucket_logging
import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import data.iac_guard.lib_compliance.classification_tag
import data.iac_guard.lib_compliance.sensitive_resources
import rego.v1

# The library policies this requirement reuses, as [id, findings]. Only evaluated when
# some resource is classified as sensitive.
checks := [
	["IAC-AWS-S3-006", s3_logging.deny],
	["IAC-AWS-RDS-005", rds_logging.deny],
	["IAC-AZ-SQL-003", azure_sql_auditing.deny],
	["IAC-GCP-GCS-003", gcp_bucket_logging.deny],
	["IAC-GCP-SQL-004", gcp_postgres_logging.deny],
] if count(sensitive_resources) > 0

# key(file, address) -> ids of the checks that report that resource.
index[k] contains id if {
	some [id, findings] in checks
	some f in findings
	k := compliance.key(f.file, f.resource)
}

deny contains result if {
	some r in sensitive_resources
	failed := compliance.failures(r, index)
	count(failed) > 0
	result := lib.finding(r, sprintf("%s holds %s data but does not log access (%s)", [r.address, lib.tag(r, classification_tag), concat(", ", failed)]), "")
}
