# METADATA
# title: RDS instance is publicly accessible
# description: A publicly accessible database gets a public DNS name and address reachable from the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
# custom:
#   id: IAC-AWS-RDS-002
#   severity: critical
#   remediation: 'Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`) and reach the database from inside the VPC.'
#   frameworks: [CIS-AWS-2.3.3]
#   forms:
#     - >-
#       `publicly_accessible = true` (or "true") on `aws_db_instance` and
#       `aws_rds_cluster_instance`; CloudFormation `PubliclyAccessible`
#   not_flagged:
#     - >-
#       the default (false), and an unknown value
package iac_guard.aws.rds.public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in lib.managed(rtype)
	lib.is_true(r.values.publicly_accessible)
	result := lib.finding(r, sprintf("RDS instance %s is publicly accessible", [r.address]), "publicly_accessible")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::RDS::DBInstance")
	lib.is_true(r.values.PubliclyAccessible)
	result := lib.finding(r, sprintf("RDS instance %s is publicly accessible", [r.address]), "PubliclyAccessible")
}
