# METADATA
# title: Sensitive data store is publicly reachable
# description: >-
#   Personal or confidential data must never be reachable from the internet. A resource
#   tagged as holding it (or its bucket policy, ACL, container or firewall rule) fails
#   when any of the library's public-access policies reports it. Data is classified by
#   the tag named in data.iac_guard_settings.classification_tag (default
#   data-classification) with a value in sensitive_classifications (default pii,
#   confidential).
# related_resources:
#   - ref: https://gdpr-info.eu/art-32-gdpr/
# custom:
#   id: IAC-GEN-PII-002
#   severity: critical
#   remediation: >-
#     Fix the public-access findings listed in the message: block public access on the
#     bucket, make the database private (`publicly_accessible = false`,
#     `public_network_access_enabled = false`, no 0.0.0.0/0 firewall rule or authorized
#     network).
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
#       sensitive data stores failing the library's logging checks (S3 access logs, RDS log
#       exports, Azure SQL auditing, GCS access logs, Cloud SQL PostgreSQL flags)
#   not_flagged:
#     - >-
#       data stores without the classification tag
package iac_guard.compliance.pii_public

import data.iac_guard.aws.rds.public as rds_public
import data.iac_guard.aws.s3.public_access_block as s3_public_access_block
import data.iac_guard.aws.s3.public_acl as s3_public_acl
import data.iac_guard.aws.s3.public_policy as s3_public_policy
import data.iac_guard.azure.sql.firewall_open as azure_sql_firewall
import data.iac_guard.azure.sql.public_network as azure_sql_public
import data.iac_guard.azure.storage.container_public as azure_container_public
import data.iac_guard.azure.storage.network_access as azure_storage_network
import data.iac_guard.azure.storage.public_blob_access as azure_public_blob
import data.iac_guard.gcp.sql.authorized_networks as gcp_sql_networks
import data.iac_guard.gcp.sql.public_ip as gcp_sql_public_ip
import data.iac_guard.gcp.storage.public_bucket as gcp_public_bucket
import data.iac_guard.lib
import data.iac_guard.lib_compliance as compliance
import data.iac_guard.lib_compliance.classification_tag
import data.iac_guard.lib_compliance.sensitive_resources
import rego.v1

# The library policies this requirement reuses, as [id, findings]. Only evaluated when
# some resource is classified as sensitive.
checks := [
	["IAC-AWS-S3-001", s3_public_acl.deny],
	["IAC-AWS-S3-004", s3_public_policy.deny],
	["IAC-AWS-S3-005", s3_public_access_block.deny],
	["IAC-AWS-RDS-002", rds_public.deny],
	["IAC-AZ-STORAGE-002", azure_public_blob.deny],
	["IAC-AZ-STORAGE-003", azure_container_public.deny],
	["IAC-AZ-STORAGE-005", azure_storage_network.deny],
	["IAC-AZ-SQL-001", azure_sql_firewall.deny],
	["IAC-AZ-SQL-002", azure_sql_public.deny],
	["IAC-GCP-GCS-001", gcp_public_bucket.deny],
	["IAC-GCP-SQL-001", gcp_sql_networks.deny],
	["IAC-GCP-SQL-003", gcp_sql_public_ip.deny],
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
	result := lib.finding(r, sprintf("%s holds %s data but is reachable from the internet (%s)", [r.address, lib.tag(r, classification_tag), concat(", ", failed)]), "")
}
