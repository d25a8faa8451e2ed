# METADATA
# title: Redshift cluster does not use enhanced VPC routing
# description: >-
#   Without enhanced VPC routing, COPY and UNLOAD traffic to S3 leaves the VPC through the
#   internet path, out of reach of VPC endpoints' policies, security groups and flow logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html
# custom:
#   id: IAC-AWS-REDSHIFT-006
#   severity: low
#   remediation: >-
#     Terraform: set `enhanced_vpc_routing = true` on the `aws_redshift_cluster` (or
#     `aws_redshiftserverless_workgroup`). CloudFormation: set `EnhancedVpcRouting: true` on
#     the `AWS::Redshift::Cluster` (or `AWS::RedshiftServerless::Workgroup`).
#   frameworks: [AWS-FSBP-Redshift.7]
#   forms:
#     - 'Terraform `aws_redshift_cluster` / `aws_redshiftserverless_workgroup` `enhanced_vpc_routing`: absent (false), false, "false"'
#     - 'CloudFormation `AWS::Redshift::Cluster` / `AWS::RedshiftServerless::Workgroup` `EnhancedVpcRouting`: absent, false, "false"'
#   not_flagged:
#     - An unknown value.
package iac_guard.aws.redshift.enhanced_vpc_routing

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_redshift_cluster", "aws_redshiftserverless_workgroup"]
	some r in lib.managed(rtype)
	lib.false_or_missing(r.values, "enhanced_vpc_routing")
	result := lib.finding(r, sprintf("Redshift %s does not use enhanced VPC routing", [r.address]), "enhanced_vpc_routing")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::Redshift::Cluster", "AWS::RedshiftServerless::Workgroup"]
	some r in lib.resources(rtype)
	lib.false_or_missing(r.values, "EnhancedVpcRouting")
	result := lib.finding(r, sprintf("Redshift %s does not use enhanced VPC routing", [r.address]), "EnhancedVpcRouting")
}
