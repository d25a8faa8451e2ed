# METADATA
# title: Credentials hard-coded in a Terraform provider block
# description: >-
#   `access_key` / `secret_key` (AWS), `client_secret` (Azure), `credentials` or
#   `access_token` (Google) and similar arguments written as literals put cloud
#   credentials in the repository. The finding points at the file; provider blocks
#   carry no line of their own in iac-guard's input.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration
# custom:
#   id: IAC-GEN-SECRET-003
#   severity: critical
#   remediation: >-
#     Remove the argument and let the provider read credentials from the environment
#     (AWS_PROFILE / AWS_ACCESS_KEY_ID, ARM_CLIENT_SECRET, GOOGLE_APPLICATION_CREDENTIALS)
#     or from OIDC workload identity in CI; rotate the exposed credential.
#   frameworks: [CWE-798]
#   kinds: [terraform]
#   forms:
#     - >-
#       literal values of secret-looking attributes and of `credentials`, `access_token`,
#       `client_certificate_password` in Terraform `provider` blocks
#   not_flagged:
#     - >-
#       values from variables without default, environment variables, files outside the
#       scanned code
package iac_guard.compliance.provider_credentials

import data.iac_guard.lib
import data.iac_guard.lib_secrets as secrets
import rego.v1

credential_names := {"credentials", "access_token", "client_certificate_password"}

deny contains {"msg": sprintf("provider %s in %s has a hard-coded %s", [name, file, attr]), "resource": address, "file": file, "attribute": attr} if {
	lib.is_terraform
	some file, doc in input.files
	is_object(doc)
	some provider, blocks in object.get(doc, "provider", {})
	some block in lib.as_array(blocks)
	is_object(block)
	some attr, value in block
	credential(attr, value)
	name := provider_name(provider, block)
	address := sprintf("provider.%s", [name])
}

credential(attr, value) if {
	secrets.secret_name(attr)
	secrets.literal_secret(value)
}

credential(attr, value) if {
	credential_names[attr]
	secrets.literal_secret(value)
}

credential(_, value) if secrets.aws_access_key(value)

provider_name(provider, block) := sprintf("%s.%s", [provider, block.alias]) if is_string(block.alias)

provider_name(provider, block) := provider if not is_string(block.alias)
