# METADATA
# title: SSM parameter named like a secret is not a SecureString
# description: >-
#   A `String` or `StringList` parameter is stored unencrypted and returned in clear text
#   to anyone with `ssm:GetParameter`, and shows in the console and API history. A
#   parameter named like a password, token or key holds a secret and belongs in a
#   SecureString (encrypted with KMS, readable only with the key).
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html
# custom:
#   id: IAC-AWS-SSM-002
#   severity: high
#   remediation: >-
#     Set `type = "SecureString"` (with `key_id` for a customer managed key) on the
#     `aws_ssm_parameter`. CloudFormation cannot create SecureString parameters: keep the
#     secret in an `AWS::SecretsManager::Secret` instead of `AWS::SSM::Parameter`.
#   forms:
#     - 'Terraform `type`, CloudFormation `Type`: String or StringList in any case'
#     - 'A secret-like last name segment (`/prod/db/password`, `api_key`, `AUTH_TOKEN`), whatever the value (literal, `value`, `insecure_value`, a generated password)'
#   not_flagged:
#     - 'Names that only point at a secret (`password_arn`, `secret_name`) or that cannot be resolved'
#     - 'Parameters without a name in CloudFormation (a generated name says nothing)'
package iac_guard.aws.ssm.parameter_secure_string

import data.iac_guard.lib
import data.iac_guard.lib_secrets as secrets
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ssm_parameter")
	plain(r.values.type)
	secret_named(r.values.name)
	result := lib.finding(r, sprintf("SSM parameter %s holds a secret as a plain %s", [r.address, r.values.type]), "type")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::SSM::Parameter")
	plain(r.values.Type)
	secret_named(r.values.Name)
	result := lib.finding(r, sprintf("SSM parameter %s holds a secret as a plain %s", [r.address, r.values.Type]), "Type")
}

plain(type) if lib.lowercase(type) in {"string", "stringlist"}

secret_named(name) if {
	is_string(name)
	parts := split(name, "/")
	secrets.secret_name(parts[count(parts) - 1])
}
