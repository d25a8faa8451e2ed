# METADATA
# title: DocumentDB cluster is not encrypted at rest
# description: >-
#   A DocumentDB cluster created without storage encryption keeps its data, indexes,
#   automated backups and snapshots unencrypted; encryption can only be chosen when
#   the cluster is created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
# custom:
#   id: IAC-AWS-DOCDB-001
#   severity: high
#   remediation: >-
#     Terraform: set `storage_encrypted = true` (and `kms_key_id` for a customer
#     managed key) on the `aws_docdb_cluster`. CloudFormation: set `StorageEncrypted:
#     true` (and `KmsKeyId`) on the `AWS::DocDB::DBCluster`. Existing clusters must be
#     restored from a snapshot into an encrypted cluster.
#   frameworks: [AWS-FSBP-DocumentDB.1]
#   forms:
#     - 'Terraform `aws_docdb_cluster.storage_encrypted`: absent (defaults to false), null, false, "false"'
#     - 'CloudFormation `AWS::DocDB::DBCluster` `StorageEncrypted`: absent, false, "false"'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
#     - 'DocumentDB elastic clusters (`aws_docdb_elastic_cluster`), which are always encrypted.'
package iac_guard.aws.docdb.storage_encrypted

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_docdb_cluster")
	lib.false_or_missing(r.values, "storage_encrypted")
	result := lib.finding(r, sprintf("DocumentDB cluster %s is not encrypted at rest", [r.address]), "storage_encrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DocDB::DBCluster")
	lib.false_or_missing(r.values, "StorageEncrypted")
	result := lib.finding(r, sprintf("DocumentDB cluster %s is not encrypted at rest", [r.address]), "StorageEncrypted")
}
