# METADATA
# title: Neptune cluster has no deletion protection
# description: >-
#   Without deletion protection one API call (or a `terraform destroy`, or a stack
#   deletion) removes the cluster and its automated backups.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html
# custom:
#   id: IAC-AWS-NEPTUNE-004
#   severity: low
#   remediation: >-
#     Terraform: set `deletion_protection = true` on the `aws_neptune_cluster`.
#     CloudFormation: set `DeletionProtection: true` on the `AWS::Neptune::DBCluster`.
#   frameworks: [AWS-FSBP-Neptune.4]
#   forms:
#     - 'Terraform `aws_neptune_cluster.deletion_protection`: absent (false), null, false, "false"'
#     - 'CloudFormation `AWS::Neptune::DBCluster` `DeletionProtection`: absent, false, "false"'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
package iac_guard.aws.neptune.deletion_protection

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_neptune_cluster")
	lib.false_or_missing(r.values, "deletion_protection")
	result := lib.finding(r, sprintf("Neptune cluster %s has no deletion protection", [r.address]), "deletion_protection")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Neptune::DBCluster")
	lib.false_or_missing(r.values, "DeletionProtection")
	result := lib.finding(r, sprintf("Neptune cluster %s has no deletion protection", [r.address]), "DeletionProtection")
}
