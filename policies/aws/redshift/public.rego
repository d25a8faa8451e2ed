# METADATA
# title: Redshift cluster is publicly accessible
# description: >-
#   A publicly accessible cluster gets a public IP address and DNS name: the warehouse is
#   one security group rule away from the whole internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
# custom:
#   id: IAC-AWS-REDSHIFT-002
#   severity: high
#   remediation: >-
#     Terraform: set `publicly_accessible = false` on the `aws_redshift_cluster`.
#     CloudFormation: set `PubliclyAccessible: false` on the `AWS::Redshift::Cluster`. Reach
#     it through a VPN, Direct Connect or a bastion.
#   frameworks: [AWS-FSBP-Redshift.1]
#   forms:
#     - 'Terraform `aws_redshift_cluster.publicly_accessible`: true or "true"'
#     - 'Terraform `aws_redshiftserverless_workgroup.publicly_accessible`: true or "true"'
#     - 'CloudFormation `AWS::Redshift::Cluster` and `AWS::RedshiftServerless::Workgroup` `PubliclyAccessible`: true or "true"'
#   not_flagged:
#     - 'An absent value: private is the default (AWS provider v5+, and the Redshift API since January 2025).'
#     - An unknown value.
package iac_guard.aws.redshift.public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_redshift_cluster", "aws_redshiftserverless_workgroup"]
	some r in lib.managed(rtype)
	lib.is_true(r.values.publicly_accessible)
	result := lib.finding(r, sprintf("Redshift %s is publicly accessible", [r.address]), "publicly_accessible")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::Redshift::Cluster", "AWS::RedshiftServerless::Workgroup"]
	some r in lib.resources(rtype)
	lib.is_true(r.values.PubliclyAccessible)
	result := lib.finding(r, sprintf("Redshift %s is publicly accessible", [r.address]), "PubliclyAccessible")
}
