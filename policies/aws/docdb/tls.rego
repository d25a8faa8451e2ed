# METADATA
# title: DocumentDB cluster parameter group turns TLS off
# description: >-
#   With the `tls` cluster parameter set to `disabled`, clients connect without TLS and
#   send credentials and documents in the clear. TLS is on by default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html
# custom:
#   id: IAC-AWS-DOCDB-004
#   severity: high
#   remediation: >-
#     Terraform: set `parameter { name = "tls" value = "enabled" }` (or `tls1.2+`) in the
#     `aws_docdb_cluster_parameter_group`, or remove the parameter. CloudFormation: set
#     `Parameters: { tls: enabled }` on the `AWS::DocDB::DBClusterParameterGroup`.
#   forms:
#     - 'Terraform `aws_docdb_cluster_parameter_group`: a `parameter` block named `tls` (any case) with value "disabled" (any case)'
#     - 'CloudFormation `AWS::DocDB::DBClusterParameterGroup`: `Parameters` (a JSON map of name to value) with `tls: disabled`'
#   not_flagged:
#     - 'Clusters on the default parameter group and groups without a `tls` parameter: TLS is enabled by default.'
#     - An unknown parameter value or map.
package iac_guard.aws.docdb.tls

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_docdb_cluster_parameter_group")
	some i, p in lib.items(r.values.parameter)
	lib.lowercase(p.name) == "tls"
	lib.lowercase(p.value) == "disabled"
	result := lib.finding(r, sprintf("DocumentDB parameter group %s turns TLS off", [r.address]), sprintf("parameter.%d", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DocDB::DBClusterParameterGroup")
	is_object(r.values.Parameters)
	some name, value in r.values.Parameters
	lib.lowercase(name) == "tls"
	lib.lowercase(value) == "disabled"
	result := lib.finding(r, sprintf("DocumentDB parameter group %s turns TLS off", [r.address]), sprintf("Parameters.%s", [name]))
}
