# METADATA
# title: DAX cluster is not encrypted at rest
# description: >-
#   A DynamoDB Accelerator cluster without server-side encryption keeps cached items,
#   configuration and logs unencrypted on its nodes' disks, although the table behind it
#   is encrypted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
# custom:
#   id: IAC-AWS-DAX-001
#   severity: medium
#   remediation: >-
#     Terraform: set `server_side_encryption { enabled = true }` on the `aws_dax_cluster`.
#     CloudFormation: set `SSESpecification.SSEEnabled: true` on the `AWS::DAX::Cluster`.
#     Encryption can only be chosen when the cluster is created.
#   frameworks: [AWS-FSBP-DynamoDB.3]
#   forms:
#     - 'Terraform `aws_dax_cluster`: `server_side_encryption` absent, or its `enabled` absent, false or "false"'
#     - 'CloudFormation `AWS::DAX::Cluster`: `SSESpecification` absent, or its `SSEEnabled` absent, false or "false"'
#   not_flagged:
#     - An unknown block or value.
package iac_guard.aws.dax.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dax_cluster")
	not lib.block_unknown(r.values, "server_side_encryption", "enabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "server_side_encryption"), "enabled")
	result := lib.finding(r, sprintf("DAX cluster %s is not encrypted at rest", [r.address]), "server_side_encryption.0.enabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DAX::Cluster")
	not lib.block_unknown(r.values, "SSESpecification", "SSEEnabled")
	lib.false_or_missing(lib.block_or_empty(r.values, "SSESpecification"), "SSEEnabled")
	result := lib.finding(r, sprintf("DAX cluster %s is not encrypted at rest", [r.address]), "SSESpecification.SSEEnabled")
}
