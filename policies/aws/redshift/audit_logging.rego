# METADATA
# title: Redshift cluster has no audit logging
# description: >-
#   Without audit logging Redshift keeps no record of connections, user changes and the
#   queries run against the warehouse outside its own system tables, which rotate away
#   within days.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
# custom:
#   id: IAC-AWS-REDSHIFT-003
#   severity: medium
#   remediation: >-
#     Terraform: add an `aws_redshift_logging` whose `cluster_identifier` is this cluster
#     (`log_destination_type = "cloudwatch"` or `"s3"`), or the cluster's `logging { enable
#     = true }` block on AWS provider v5 and older. CloudFormation: set `LoggingProperties`
#     (`BucketName`, or `LogDestinationType: cloudwatch` with `LogExports`) on the
#     `AWS::Redshift::Cluster`.
#   frameworks: [AWS-FSBP-Redshift.4]
#   forms:
#     - 'Terraform: the legacy inline `logging` block of `aws_redshift_cluster` (`enable` true / false)'
#     - 'Terraform: a separate `aws_redshift_logging`, by reference (`aws_redshift_cluster.x.id` / `.cluster_identifier`) or by literal cluster identifier'
#     - 'CloudFormation: `LoggingProperties` of `AWS::Redshift::Cluster` (absent, empty)'
#   not_flagged:
#     - An unknown `logging` block or `LoggingProperties`, or an `aws_redshift_logging` whose cluster is not one of the scanned clusters (a variable) - it may cover any of them.
package iac_guard.aws.redshift.audit_logging

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_redshift_logging", "cluster_identifier")

clusters := {lib.address_key(r) | some r in lib.managed("aws_redshift_cluster")} | {name |
	some r in lib.managed("aws_redshift_cluster")
	name := r.values.cluster_identifier
	is_string(name)
}

# An aws_redshift_logging that points at no scanned cluster could be for any of them.
default unknown_logging := false

unknown_logging if {
	some key in logged
	not clusters[key]
}

deny contains result if {
	lib.is_terraform
	not unknown_logging
	some r in lib.managed("aws_redshift_cluster")
	not inline_enabled(r.values)
	not lib.pointed_at(r, logged, "cluster_identifier")
	result := lib.finding(r, sprintf("Redshift cluster %s has no audit logging", [r.address]), "logging")
}

inline_enabled(values) if lib.is_true(lib.block(values, "logging").enable)

inline_enabled(values) if lib.block_unknown(values, "logging", "enable")

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Redshift::Cluster")
	not lib.has_block(r.values, "LoggingProperties")
	not lib.is_unknown(r.values.LoggingProperties)
	result := lib.finding(r, sprintf("Redshift cluster %s has no audit logging (no LoggingProperties)", [r.address]), "LoggingProperties")
}
