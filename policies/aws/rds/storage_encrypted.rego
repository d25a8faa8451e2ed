# METADATA
# title: RDS storage is not encrypted
# description: An unencrypted database keeps its data, logs, backups and snapshots in the clear.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
# custom:
#   id: IAC-AWS-RDS-001
#   severity: high
#   remediation: 'Set `storage_encrypted = true` (CloudFormation `StorageEncrypted: true`); encryption can only be chosen at creation, so restore from an encrypted snapshot for an existing database.'
#   frameworks: [CIS-AWS-2.3.1]
#   forms:
#     - >-
#       `storage_encrypted` absent, null or false on `aws_db_instance` and
#       `aws_rds_cluster`; CloudFormation `StorageEncrypted` on `DBInstance` and `DBCluster`
#   not_flagged:
#     - >-
#       Aurora Serverless v1 clusters (`engine_mode = "serverless"`), always encrypted
#     - >-
#       instances of an Aurora cluster (CloudFormation `DBClusterIdentifier` set): the
#       cluster's setting decides
package iac_guard.aws.rds.storage_encrypted

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_db_instance", "aws_rds_cluster"]
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "storage_encrypted")
	not aurora_serverless_default(r)
	result := lib.finding(r, sprintf("%s does not encrypt its storage", [r.address]), "storage_encrypted")
}

# Aurora Serverless v1 clusters are always encrypted (an unknown engine mode may be one).
aurora_serverless_default(r) if lib.lowercase(r.values.engine_mode) == "serverless"

aurora_serverless_default(r) if lib.is_unknown(r.values.engine_mode)

cfn_aurora_serverless(r) if lib.lowercase(r.values.EngineMode) == "serverless"

cfn_aurora_serverless(r) if lib.is_unknown(r.values.EngineMode)

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(rtype)
	lib.false_or_missing(r.values, "StorageEncrypted")
	not lib.rds_cluster_member(r)
	not cfn_aurora_serverless(r)
	result := lib.finding(r, sprintf("%s does not encrypt its storage", [r.address]), "StorageEncrypted")
}
