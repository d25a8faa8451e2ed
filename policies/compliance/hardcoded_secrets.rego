# METADATA
# title: Secret hard-coded in a resource argument
# description: >-
#   A password, token, API key or private key written as a literal (directly or through
#   a variable default) lives in version control, plan files, state and CI logs, and
#   cannot be rotated without a code change. Values taken from variables without a
#   default, resources, data sources, Secrets Manager or SSM (`{{resolve:...}}`) are not
#   reported. Lambda environment variables are covered by IAC-AWS-LAMBDA-001.
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
package iac_guard.compliance.hardcoded_secrets

import data.iac_guard.lib
import data.iac_guard.lib_secrets.resource_secrets
import rego.v1

deny contains result if {
	some [r, path] in resource_secrets
	result := lib.finding(r, sprintf("%s has a hard-coded secret in %s", [r.address, path]), path)
}
