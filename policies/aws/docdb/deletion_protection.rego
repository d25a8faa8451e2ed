# METADATA
# title: DocumentDB cluster has no deletion protection
# description: >-
#   Without deletion protection one API call (or a `terraform destroy`, or a stack
#   deletion) removes the cluster; automated backups go with it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html
# custom:
#   id: IAC-AWS-DOCDB-005
#   severity: low
#   remediation: >-
#     Terraform: set `deletion_protection = true` on the `aws_docdb_cluster`.
#     CloudFormation: set `DeletionProtection: true` on the `AWS::DocDB::DBCluster`.
#   frameworks: [AWS-FSBP-DocumentDB.5]
#   forms:
#     - 'Terraform `aws_docdb_cluster.deletion_protection`: absent (false), null, false, "false"'
#     - 'CloudFormation `AWS::DocDB::DBCluster` `DeletionProtection`: absent, false, "false"'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
#     - 'A CloudFormation `DeletionPolicy: Retain` / `Snapshot` on the resource is not read: it protects against stack deletion only, not against an API call.'
package iac_guard.aws.docdb.deletion_protection

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_docdb_cluster")
	lib.false_or_missing(r.values, "deletion_protection")
	result := lib.finding(r, sprintf("DocumentDB cluster %s has no deletion protection", [r.address]), "deletion_protection")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DocDB::DBCluster")
	lib.false_or_missing(r.values, "DeletionProtection")
	result := lib.finding(r, sprintf("DocumentDB cluster %s has no deletion protection", [r.address]), "DeletionProtection")
}
