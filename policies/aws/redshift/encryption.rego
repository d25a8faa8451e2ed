# METADATA
# title: Redshift cluster turns encryption at rest off
# description: >-
#   A Redshift cluster created with `encrypted = false` keeps its blocks, system data and
#   snapshots unencrypted. Since January 2025 Redshift encrypts new clusters by default,
#   so only an explicit opt-out is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: IAC-AWS-REDSHIFT-001
#   severity: high
#   remediation: >-
#     Terraform: set `encrypted = true` (and `kms_key_id` for a customer managed key) on the
#     `aws_redshift_cluster`. CloudFormation: set `Encrypted: true` (and `KmsKeyId`) on the
#     `AWS::Redshift::Cluster`.
#   frameworks: [AWS-FSBP-Redshift.10]
#   forms:
#     - 'Terraform `aws_redshift_cluster.encrypted`: false or "false"'
#     - 'CloudFormation `AWS::Redshift::Cluster` `Encrypted`: false or "false"'
#   not_flagged:
#     - 'An absent `encrypted` / `Encrypted`: new clusters are encrypted by default (AWS owned key) since January 2025, and provider v6 defaults to true.'
#     - An unknown value; Redshift Serverless namespaces, which are always encrypted.
package iac_guard.aws.redshift.encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_redshift_cluster")
	lib.is_false(r.values.encrypted)
	result := lib.finding(r, sprintf("Redshift cluster %s is not encrypted at rest", [r.address]), "encrypted")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Redshift::Cluster")
	lib.is_false(r.values.Encrypted)
	result := lib.finding(r, sprintf("Redshift cluster %s is not encrypted at rest", [r.address]), "Encrypted")
}
