# METADATA
# title: Sensitive data store is not encrypted
# description: >-
#   Personal or confidential data must be encrypted at rest and in transit (GDPR Art.
#   32). A resource tagged as holding it fails when any of the library's encryption
#   policies reports it. Data is classified by the tag named in
#   data.iac_guard_settings.classification_tag (default data-classification) with a
#   value in sensitive_classifications (default pii, confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-001
#   severity: high
#   remediation: >-
#     Fix the encryption findings listed in the message (each names its policy and
#     remediation); for S3 add SSE-KMS, for RDS `storage_encrypted = true`, for Azure
#     storage HTTPS-only and TLS 1.2, for Cloud SQL `ssl_mode = "ENCRYPTED_ONLY"`.
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
#       data stores whose classification tag marks sensitive data
#       (`data.iac_guard_settings`) and that fail one of the library's encryption checks
#       (S3, RDS, EBS, EC2 volumes, DynamoDB, SQS, SNS, Azure storage HTTPS/TLS, Cloud SQL
#       SSL)
#   not_flagged:
#     - >-
#       data stores without the classification tag: the underlying rules still report them
#       on their own
package iac_guard.compliance.pii_encrypted

import data.iac_guard.aws.dynamodb.encryption as dynamodb_encryption
import data.iac_guard.aws.ec2.block_device_encryption as block_device_encryption
import data.iac_guard.aws.ec2.ebs_encryption as ebs_encryption
import data.iac_guard.aws.rds.storage_encrypted as rds_encryption
import data.iac_guard.aws.s3.encryption as s3_encryption
import data.iac_guard.aws.sns.encryption as sns_encryption
import data.iac_guard.aws.sqs.encryption as sqs_encryption
import data.iac_guard.azure.storage.https_only as azure_https_only
import data.iac_guard.azure.storage.min_tls as azure_min_tls
import data.iac_guard.gcp.sql.require_ssl as gcp_sql_ssl
import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import data.iac_guard.lib_compliance.classification_tag
import data.iac_guard.lib_compliance.sensitive_resources
import rego.v1

# The library policies this requirement reuses, as [id, findings]. Only evaluated when
# some resource is classified as sensitive.
checks := [
	["IAC-AWS-S3-002", s3_encryption.deny],
	["IAC-AWS-RDS-001", rds_encryption.deny],
	["IAC-AWS-EBS-001", ebs_encryption.deny],
	["IAC-AWS-EC2-003", block_device_encryption.deny],
	["IAC-AWS-DDB-001", dynamodb_encryption.deny],
	["IAC-AWS-SQS-001", sqs_encryption.deny],
	["IAC-AWS-SNS-001", sns_encryption.deny],
	["IAC-AZ-STORAGE-001", azure_https_only.deny],
	["IAC-AZ-STORAGE-004", azure_min_tls.deny],
	["IAC-GCP-SQL-002", gcp_sql_ssl.deny],
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
	result := lib.finding(r, sprintf("%s holds %s data but is not encrypted at rest and in transit (%s)", [r.address, lib.tag(r, classification_tag), concat(", ", failed)]), "")
}
