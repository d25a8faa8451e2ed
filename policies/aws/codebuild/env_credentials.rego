# METADATA
# title: CodeBuild project keeps credentials in plain-text environment variables
# description: >-
#   PLAINTEXT environment variables are shown in the console, returned by
#   `BatchGetProjects` and stored in state files and templates. Variables named like
#   secrets with literal values, or holding AWS access keys, are leaked credentials;
#   CodeBuild fetches PARAMETER_STORE and SECRETS_MANAGER variables at build time instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_EnvironmentVariable.html
# custom:
#   id: IAC-AWS-CODEBUILD-002
#   severity: high
#   remediation: >-
#     Store the value in SSM Parameter Store or Secrets Manager and declare the variable
#     with `type = "PARAMETER_STORE"` or `"SECRETS_MANAGER"` and the parameter name or
#     secret ARN as `value` in `environment { environment_variable { ... } }`
#     (CloudFormation `Environment.EnvironmentVariables[].Type`).
#   frameworks: [AWS-FSBP-CodeBuild.2]
#   forms:
#     - 'Terraform `environment { environment_variable { name, value, type } }` blocks; CloudFormation `Environment.EnvironmentVariables[]` with `Name`, `Value`, `Type`'
#     - '`type` absent (PLAINTEXT by default) or PLAINTEXT; a secret-like name with a literal value, or an AWS access key id under any name'
#   not_flagged:
#     - 'PARAMETER_STORE and SECRETS_MANAGER variables, whose value is only a name or ARN'
#     - 'Values that are references (`{{resolve:...}}`, ARNs, unresolved expressions)'
package iac_guard.aws.codebuild.env_credentials

import data.iac_guard.lib
import data.iac_guard.lib_secrets as secrets
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	some i, v in lib.items(lib.block(r.values, "environment").environment_variable)
	leaked(v, "name", "value", "type")
	result := lib.finding(r, sprintf("CodeBuild project %s keeps %s in a plain-text environment variable", [r.address, v.name]), sprintf("environment.0.environment_variable.%d", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	some i, v in lib.items(r.values.Environment.EnvironmentVariables)
	leaked(v, "Name", "Value", "Type")
	result := lib.finding(r, sprintf("CodeBuild project %s keeps %s in a plain-text environment variable", [r.address, v.Name]), sprintf("Environment.EnvironmentVariables.%d", [i]))
}

leaked(v, name, value, type) if {
	is_object(v)
	plaintext(v, type)
	is_string(v[name])
	secret(v[name], v[value])
}

plaintext(v, type) if not lib.has_key(v, type)

plaintext(v, type) if v[type] == null

plaintext(v, type) if lib.lowercase(v[type]) == "plaintext"

secret(_, value) if secrets.aws_access_key(value)

secret(name, value) if {
	secrets.secret_name(name)
	secrets.literal_secret(value)
}
