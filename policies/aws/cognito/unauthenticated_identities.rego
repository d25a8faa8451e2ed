# METADATA
# title: Cognito identity pool allows unauthenticated identities
# description: >-
#   An identity pool that allows unauthenticated identities hands temporary AWS
#   credentials, for its unauthenticated role, to anyone on the internet who asks.
#   Whatever that role can do, everybody can do.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#enable-or-disable-unauthenticated-identities
# custom:
#   id: IAC-AWS-COGNITO-001
#   severity: high
#   remediation: >-
#     Set `allow_unauthenticated_identities = false` on the `aws_cognito_identity_pool`
#     (CloudFormation `AllowUnauthenticatedIdentities: false` on
#     `AWS::Cognito::IdentityPool`), or scope the unauthenticated role to the minimum.
#   frameworks: [AWS-FSBP-Cognito.2]
#   forms:
#     - 'Terraform `allow_unauthenticated_identities` (default false), CloudFormation `AllowUnauthenticatedIdentities` (required): true or "true"'
#   not_flagged:
#     - 'A value that cannot be resolved'
package iac_guard.aws.cognito.unauthenticated_identities

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cognito_identity_pool")
	lib.is_true(r.values.allow_unauthenticated_identities)
	result := lib.finding(r, sprintf("Cognito identity pool %s gives AWS credentials to unauthenticated users", [r.address]), "allow_unauthenticated_identities")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Cognito::IdentityPool")
	lib.is_true(r.values.AllowUnauthenticatedIdentities)
	result := lib.finding(r, sprintf("Cognito identity pool %s gives AWS credentials to unauthenticated users", [r.address]), "AllowUnauthenticatedIdentities")
}
