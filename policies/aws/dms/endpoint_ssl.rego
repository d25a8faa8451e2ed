# METADATA
# title: DMS database endpoint does not use SSL
# description: >-
#   With `ssl_mode = "none"` (the default) DMS connects to the source or target database
#   in clear text: every replicated row, and the database credentials, cross the network
#   unencrypted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html
# custom:
#   id: IAC-AWS-DMS-002
#   severity: medium
#   remediation: >-
#     Set `ssl_mode` on the `aws_dms_endpoint` (CloudFormation `SslMode` on
#     `AWS::DMS::Endpoint`) to `require`, or `verify-ca` / `verify-full` with a
#     `certificate_arn`.
#   frameworks: [AWS-FSBP-DMS.9]
#   forms:
#     - 'Terraform `ssl_mode`, CloudFormation `SslMode`: absent (none by default), null, "" or none in any case'
#     - 'Database engines only (`engine_name` / `EngineName`: mysql, mariadb, aurora, postgres, aurora-postgresql, oracle, sqlserver, sybase, db2, mongodb, docdb...)'
#   not_flagged:
#     - 'Endpoints for S3, DynamoDB, Kinesis, Kafka, OpenSearch, Neptune, Redshift and other services that DMS reaches over HTTPS or where SslMode does not apply'
#     - 'An engine or mode that cannot be resolved'
package iac_guard.aws.dms.endpoint_ssl

import data.iac_guard.lib
import rego.v1

engines := {
	"mysql", "mariadb", "aurora", "aurora-serverless", "postgres", "aurora-postgresql",
	"aurora-postgresql-serverless", "oracle", "sqlserver", "azuredb", "azure-sql-managed-instance",
	"sybase", "db2", "db2-zos", "mongodb", "docdb", "babelfish",
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dms_endpoint")
	lib.lowercase(r.values.engine_name) in engines
	plain(r.values, "ssl_mode")
	result := lib.finding(r, sprintf("DMS endpoint %s connects to its %s database without SSL", [r.address, r.values.engine_name]), "ssl_mode")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DMS::Endpoint")
	lib.lowercase(r.values.EngineName) in engines
	plain(r.values, "SslMode")
	result := lib.finding(r, sprintf("DMS endpoint %s connects to its %s database without SSL", [r.address, r.values.EngineName]), "SslMode")
}

plain(values, key) if not lib.has_key(values, key)

plain(values, key) if values[key] == null

plain(values, key) if values[key] == ""

plain(values, key) if lib.lowercase(values[key]) == "none"
