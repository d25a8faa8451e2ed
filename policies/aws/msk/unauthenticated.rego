# METADATA
# title: MSK cluster allows unauthenticated access
# description: >-
#   A cluster without client authentication (or with unauthenticated access turned on)
#   lets any client that reaches a broker produce, consume and change topics; Kafka ACLs
#   cannot tell clients apart without an identity.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html
# custom:
#   id: IAC-AWS-MSK-003
#   severity: high
#   remediation: >-
#     Terraform: set `client_authentication { sasl { iam = true } }` (or `scram`, or `tls {
#     certificate_authority_arns = [...] }`) and `unauthenticated = false` on the
#     `aws_msk_cluster`. CloudFormation: set `ClientAuthentication.Sasl.Iam.Enabled: true`
#     (or `Scram` / `Tls`) and `ClientAuthentication.Unauthenticated.Enabled: false` on the
#     `AWS::MSK::Cluster`.
#   frameworks: [AWS-FSBP-MSK.6]
#   forms:
#     - 'Terraform `aws_msk_cluster`: no `client_authentication` block (unauthenticated access is then the only mode), or `client_authentication.unauthenticated` true / "true"'
#     - 'CloudFormation `AWS::MSK::Cluster`: `ClientAuthentication` absent, or `ClientAuthentication.Unauthenticated.Enabled` true / "true"'
#   not_flagged:
#     - 'A `dynamic` / unknown `client_authentication`, or an unknown `unauthenticated` value.'
#     - MSK Serverless clusters, which only accept IAM authentication.
package iac_guard.aws.msk.unauthenticated

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	not lib.has_block(r.values, "client_authentication")
	not lib.is_unknown(r.values.client_authentication)
	result := lib.finding(r, sprintf("MSK cluster %s has no client authentication", [r.address]), "client_authentication")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	lib.is_true(lib.block(r.values, "client_authentication").unauthenticated)
	result := lib.finding(r, sprintf("MSK cluster %s allows unauthenticated access", [r.address]), "client_authentication.0.unauthenticated")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	not lib.has_block(r.values, "ClientAuthentication")
	not lib.is_unknown(r.values.ClientAuthentication)
	result := lib.finding(r, sprintf("MSK cluster %s has no client authentication", [r.address]), "ClientAuthentication")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	lib.is_true(r.values.ClientAuthentication.Unauthenticated.Enabled)
	result := lib.finding(r, sprintf("MSK cluster %s allows unauthenticated access", [r.address]), "ClientAuthentication.Unauthenticated.Enabled")
}
