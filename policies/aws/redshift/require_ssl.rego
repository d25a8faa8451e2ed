# METADATA
# title: Redshift parameter group does not require SSL
# description: >-
#   With `require_ssl` set to false, clients may connect to the cluster without TLS and
#   send credentials and query results in the clear.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html
# custom:
#   id: IAC-AWS-REDSHIFT-004
#   severity: high
#   remediation: >-
#     Terraform: set `parameter { name = "require_ssl" value = "true" }` in the
#     `aws_redshift_parameter_group`. CloudFormation: set `{ParameterName: require_ssl,
#     ParameterValue: "true"}` in `Parameters` of the `AWS::Redshift::ClusterParameterGroup`.
#   frameworks: [AWS-FSBP-Redshift.2]
#   forms:
#     - 'Terraform `aws_redshift_parameter_group`: a `parameter` block named `require_ssl` (any case) with value "false", false, "off" or "0"'
#     - 'CloudFormation `AWS::Redshift::ClusterParameterGroup`: a `Parameters` entry `ParameterName: require_ssl` with a false value'
#   not_flagged:
#     - 'Clusters on the default parameter group, and custom groups that leave `require_ssl` out: the default group requires SSL for clusters created since January 2025; older clusters cannot be told apart statically.'
#     - An unknown parameter name or value.
package iac_guard.aws.redshift.require_ssl

import data.iac_guard.lib
import rego.v1

off(value) if lib.is_false(value)

off(value) if lib.lowercase(value) in {"off", "0", "no"}

off(value) if value == 0

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_redshift_parameter_group")
	some i, p in lib.items(r.values.parameter)
	lib.lowercase(p.name) == "require_ssl"
	off(p.value)
	result := lib.finding(r, sprintf("Redshift parameter group %s sets require_ssl to false", [r.address]), sprintf("parameter.%d", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Redshift::ClusterParameterGroup")
	some i, p in lib.items(r.values.Parameters)
	lib.lowercase(p.ParameterName) == "require_ssl"
	off(p.ParameterValue)
	result := lib.finding(r, sprintf("Redshift parameter group %s sets require_ssl to false", [r.address]), sprintf("Parameters.%d", [i]))
}
