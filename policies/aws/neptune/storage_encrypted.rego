# METADATA
# title: Neptune cluster is not encrypted at rest
# description: >-
#   A Neptune cluster created without storage encryption keeps its graph data,
#   automated backups, snapshots and replicas unencrypted; encryption can only be
#   chosen when the cluster is created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
# custom:
#   id: IAC-AWS-NEPTUNE-001
#   severity: high
#   remediation: >-
#     Terraform: set `storage_encrypted = true` (and `kms_key_arn` for a customer
#     managed key) on the `aws_neptune_cluster`. CloudFormation: set
#     `StorageEncrypted: true` (and `KmsKeyId`) on the `AWS::Neptune::DBCluster`.
#   frameworks: [AWS-FSBP-Neptune.1]
#   forms:
#     - 'Terraform `aws_neptune_cluster.storage_encrypted`: absent (defaults to false), null, false, "false"'
#     - 'CloudFormation `AWS::Neptune::DBCluster` `StorageEncrypted`: absent, false, "false"'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
package iac_guard.aws.neptune.storage_encrypted

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_neptune_cluster")
	lib.false_or_missing(r.values, "storage_encrypted")
	result := lib.finding(r, sprintf("Neptune cluster %s is not encrypted at rest", [r.address]), "storage_encrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Neptune::DBCluster")
	lib.false_or_missing(r.values, "StorageEncrypted")
	result := lib.finding(r, sprintf("Neptune cluster %s is not encrypted at rest", [r.address]), "StorageEncrypted")
}
