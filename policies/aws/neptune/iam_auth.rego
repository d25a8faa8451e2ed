# METADATA
# title: Neptune cluster does not require IAM database authentication
# description: >-
#   Without IAM database authentication, anything that reaches the cluster endpoint
#   inside the VPC can query and change the graph: Neptune has no database users or
#   passwords of its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html
# custom:
#   id: IAC-AWS-NEPTUNE-003
#   severity: medium
#   remediation: >-
#     Terraform: set `iam_database_authentication_enabled = true` on the
#     `aws_neptune_cluster` and grant `neptune-db:*` actions to the callers.
#     CloudFormation: set `IamAuthEnabled: true` on the `AWS::Neptune::DBCluster`.
#   frameworks: [AWS-FSBP-Neptune.7]
#   forms:
#     - 'Terraform `aws_neptune_cluster.iam_database_authentication_enabled`: absent (false), null, false, "false"'
#     - 'CloudFormation `AWS::Neptune::DBCluster` `IamAuthEnabled`: absent, false, "false"'
#   not_flagged:
#     - 'An unknown value (a variable, `!Ref`, `!If`).'
package iac_guard.aws.neptune.iam_auth

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_neptune_cluster")
	lib.false_or_missing(r.values, "iam_database_authentication_enabled")
	result := lib.finding(r, sprintf("Neptune cluster %s does not require IAM database authentication", [r.address]), "iam_database_authentication_enabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Neptune::DBCluster")
	lib.false_or_missing(r.values, "IamAuthEnabled")
	result := lib.finding(r, sprintf("Neptune cluster %s does not require IAM database authentication", [r.address]), "IamAuthEnabled")
}
