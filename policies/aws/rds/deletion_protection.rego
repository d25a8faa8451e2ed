# METADATA
# title: RDS database has no deletion protection
# description: >-
#   Without deletion protection one mistaken `terraform destroy`, stack deletion or API
#   call removes the database. Instances that belong to a cluster follow the cluster's
#   setting and are judged there.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection
# custom:
#   id: IAC-AWS-RDS-004
#   severity: low
#   remediation: 'Set `deletion_protection = true` (CloudFormation `DeletionProtection: true`) on the instance or cluster.'
#   forms:
#     - >-
#       `deletion_protection` absent, null or false on instances and clusters;
#       CloudFormation `DeletionProtection`
#   not_flagged:
#     - >-
#       instances of an Aurora cluster (the cluster's flag decides)
package iac_guard.aws.rds.deletion_protection

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_db_instance", "aws_rds_cluster"]
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "deletion_protection")
	result := lib.finding(r, sprintf("%s has no deletion protection", [r.address]), "deletion_protection")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(rtype)
	lib.false_or_missing(r.values, "DeletionProtection")
	not lib.rds_cluster_member(r)
	result := lib.finding(r, sprintf("%s has no deletion protection", [r.address]), "DeletionProtection")
}
