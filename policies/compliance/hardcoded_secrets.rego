# METADATA
# title: Secret hard-coded in a resource argument
# description: >-
#   A password, token, API key or private key written as a literal (directly or through
#   a variable default) lives in version control, plan files, state and CI logs, and
#   cannot be rotated without a code change. Values taken from variables without a
#   default, resources, data sources, Secrets Manager or SSM (`{{resolve:...}}`) are not
#   reported. Private keys, vendor tokens and secret assignments in user data scripts
#   are found by their value, whatever the attribute is called. Lambda environment
#   variables are covered by IAC-AWS-LAMBDA-001.
# related_resources:
#   - ref: https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/
# custom:
#   id: IAC-GEN-SECRET-001
#   severity: high
#   remediation: >-
#     Generate the secret (`random_password`, `manage_master_user_password = true`,
#     CloudFormation `ManageMasterUserPassword`) or read it from a secret store
#     (`data.aws_secretsmanager_secret_version`, `{{resolve:secretsmanager:...}}`, a
#     sensitive variable without default), then rotate the exposed value.
#   frameworks: [CWE-798]
#   forms:
#     - >-
#       literal values under secret-looking names (`password`, `MasterUserPassword`,
#       `client_secret`, `api_key`, `auth_token`...) anywhere in a resource, variable
#       defaults included
#     - >-
#       private keys (PEM and OpenSSH headers) and vendor tokens (GitHub, GitLab, Slack,
#       Stripe, Google API, SendGrid) under any name
#     - >-
#       secret assignments and `--password`-style flags in user data: `user_data` (plain or
#       base64 as `base64encode` gives it), CloudFormation `UserData` and
#       `LaunchTemplateData.UserData` inside `Fn::Base64` / `Fn::Sub`
#     - >-
#       Name/Value environment lists (CloudFormation `Environment`, `EnvironmentVariables`)
#       whose Name looks like a secret, and the `environment` entries of a Terraform
#       `container_definitions` JSON string
#   not_flagged:
#     - >-
#       values that only point at a secret: `{{resolve:...}}`, ARNs, SSM paths,
#       `${...}`/`$VAR` expansions, references
#     - >-
#       tags and labels named like secrets, and Lambda environment variables
#       (IAC-AWS-LAMBDA-001 reports them)
#     - >-
#       random-looking strings outside environment variables: ids and hashes look the same
package iac_guard.compliance.hardcoded_secrets

import data.iac_guard.lib
import data.iac_guard.lib_secrets.resource_secrets
import rego.v1

deny contains result if {
	some [r, path] in resource_secrets
	result := lib.finding(r, sprintf("%s has a hard-coded secret in %s", [r.address, path]), path)
}
