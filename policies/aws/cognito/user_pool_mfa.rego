# METADATA
# title: Cognito user pool does not use multi-factor authentication
# description: >-
#   With MFA OFF (the default) a user pool accepts a password alone: a phished, reused or
#   guessed password is a taken-over account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
# custom:
#   id: IAC-AWS-COGNITO-002
#   severity: medium
#   remediation: >-
#     Set `mfa_configuration = "ON"` (or `"OPTIONAL"`) with
#     `software_token_mfa_configuration { enabled = true }` on the `aws_cognito_user_pool`
#     (CloudFormation `MfaConfiguration: "ON"` and `EnabledMfas` on
#     `AWS::Cognito::UserPool`).
#   forms:
#     - 'Terraform `mfa_configuration`, CloudFormation `MfaConfiguration`: absent (OFF by default), null or OFF in any case'
#   not_flagged:
#     - 'OPTIONAL: users can still choose a second factor (a stricter reading would require ON)'
#     - 'A value that cannot be resolved'
package iac_guard.aws.cognito.user_pool_mfa

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cognito_user_pool")
	off(r.values, "mfa_configuration")
	result := lib.finding(r, sprintf("Cognito user pool %s does not use multi-factor authentication", [r.address]), "mfa_configuration")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Cognito::UserPool")
	off(r.values, "MfaConfiguration")
	result := lib.finding(r, sprintf("Cognito user pool %s does not use multi-factor authentication", [r.address]), "MfaConfiguration")
}

off(values, key) if not lib.has_key(values, key)

off(values, key) if values[key] == null

off(values, key) if lib.lowercase(values[key]) == "off"
