# METADATA
# title: Redshift cluster does not allow automatic version upgrades
# description: >-
#   With version upgrades disallowed, the cluster stays on its engine version during
#   maintenance windows and misses the fixes, security fixes included, that Redshift
#   ships in new versions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-cluster-versions.html
# custom:
#   id: IAC-AWS-REDSHIFT-007
#   severity: low
#   remediation: >-
#     Terraform: set `allow_version_upgrade = true` (the default) on the
#     `aws_redshift_cluster`. CloudFormation: set `AllowVersionUpgrade: true` (the
#     default) on the `AWS::Redshift::Cluster`.
#   frameworks: [AWS-FSBP-Redshift.6]
#   forms:
#     - 'Terraform `aws_redshift_cluster` `allow_version_upgrade`: false or "false"'
#     - 'CloudFormation `AWS::Redshift::Cluster` `AllowVersionUpgrade`: false or "false"'
#   not_flagged:
#     - 'An absent value (upgrades are on by default) and unknown values.'
package iac_guard.aws.redshift.version_upgrade

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_redshift_cluster"]
	some r in lib.managed(rtype)
	lib.is_false(r.values.allow_version_upgrade)
	result := lib.finding(r, sprintf("Redshift cluster %s does not allow automatic version upgrades", [r.address]), "allow_version_upgrade")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::Redshift::Cluster"]
	some r in lib.resources(rtype)
	lib.is_false(r.values.AllowVersionUpgrade)
	result := lib.finding(r, sprintf("Redshift cluster %s does not allow automatic version upgrades", [r.address]), "AllowVersionUpgrade")
}
