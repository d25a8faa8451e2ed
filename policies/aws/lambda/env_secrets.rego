# METADATA
# title: Lambda function keeps secrets in plain-text environment variables
# description: >-
#   Environment variables are visible to anyone who can read the function's
#   configuration (console, `GetFunctionConfiguration`, state files, CloudFormation
#   templates). Variables named like secrets with literal values, and variables under
#   any name holding an AWS access key, a private key, a vendor token or a random-looking
#   token, are leaked credentials.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption
# custom:
#   id: IAC-AWS-LAMBDA-001
#   severity: high
#   remediation: >-
#     Keep the secret in Secrets Manager or SSM Parameter Store and put only its ARN or
#     name in `environment { variables = {...} }` (CloudFormation
#     `Environment.Variables`); read it at runtime, and give the function a role instead
#     of access keys.
#   forms:
#     - >-
#       `environment.variables` (CloudFormation `Environment.Variables`) named like secrets
#       with literal values
#     - >-
#       any variable whose value is a secret by its shape: an AWS access key id, a private
#       key, a GitHub/GitLab/Slack/Stripe/Google/SendGrid token, or a random-looking token
#       (24+ characters mixing upper case, lower case and digits, no word-like runs)
#   not_flagged:
#     - >-
#       values that only point at a secret: ARNs, SSM parameter paths, `{{resolve:...}}`,
#       references
#     - >-
#       hashes and ids in one case (hex digests, UUIDs, AMI ids), names and URLs
package iac_guard.aws.lambda.env_secrets

import data.iac_guard.lib
import data.iac_guard.lib_secrets as secrets
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_lambda_function")
	variables := lib.block(r.values, "environment").variables
	names := leaked(variables)
	count(names) > 0
	result := lib.finding(r, sprintf("Lambda function %s has secrets in plain-text environment variables: %s", [r.address, concat(", ", names)]), "environment.0.variables")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Lambda::Function")
	names := leaked(r.values.Environment.Variables)
	count(names) > 0
	result := lib.finding(r, sprintf("Lambda function %s has secrets in plain-text environment variables: %s", [r.address, concat(", ", names)]), "Environment.Variables")
}

# Variables named like secrets with literal values, and variables under any name whose
# value is a secret by its shape (an AWS access key id, a private key, a vendor token, a
# random-looking token of 24 characters or more).
leaked(variables) := sort({name | some [name, _] in secrets.hardcoded(variables)} | {name |
	some name, value in variables
	secrets.env_value_secret(value)
}) if is_object(variables)
