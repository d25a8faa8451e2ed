# What a hard-coded secret looks like. Import with `import data.iac_guard.lib_secrets as secrets`.
package iac_guard.lib_secrets

import data.iac_guard.lib
import rego.v1

# Attribute or variable names that hold a secret (`password`, `master_password`,
# `MasterUserPassword`, `client_secret`, `DB_PASSWORD`, `api_key`, `auth_token`...).
# Names that only point at a secret (`secret_arn`, `password_length`) do not match.
secret_name(name) if {
	is_string(name)
	regex.match(`(?i)(passw(or)?d|passphrase|pwd|secret|secret_?key|secret_?access_?key|secret_?string|api_?key|auth_?token|access_?token|bearer_?token|token|private_?key|access_?key)$`, name)
}

# A literal secret value: a non-empty string that is not an unresolved expression, a
# CloudFormation dynamic reference (`{{resolve:secretsmanager:...}}`), an ARN, an SSM
# parameter path, or (in raw Terraform) an interpolation.
literal_secret(value) if {
	is_string(value)
	count(trim_space(value)) > 0
	not startswith(value, "{{resolve:")
	not startswith(value, "arn:")
	not startswith(value, "/")
	not contains(value, "${")
}

# An AWS access key id (long-term AKIA..., temporary ASIA...) anywhere in the text.
aws_access_key(value) if {
	is_string(value)
	regex.match(`(^|[^A-Za-z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}([^A-Za-z0-9]|$)`, value)
}

# [path, key, value] of every string value under `values` that is a hard-coded secret:
# a literal under a secret-looking key, or an AWS access key id under any key.
# `path` is the attribute path as iac-guard names it ("environment.0.variables.DB_PASSWORD").
hardcoded(values) := {[path, reason] |
	walk(values, [keys, value])
	is_string(value)
	count(keys) > 0
	reason := secret_reason(keys[count(keys) - 1], value)
	path := concat(".", [sprintf("%v", [k]) | some k in keys])
}

secret_reason(_, value) := "an AWS access key id" if aws_access_key(value)

secret_reason(key, value) := "a plain-text secret" if {
	not aws_access_key(value)
	secret_name(key)
	literal_secret(value)
}

# Where a managed resource's values hold secrets, as [resource, path]: literal secrets
# under secret-looking names, and AWS access key ids under any name. Tags and labels are
# left out of the first (a tag named "secret" is a label, not a credential), and Lambda
# environment variables out of both (IAC-AWS-LAMBDA-001 reports them). A regular
# expression over each resource's JSON picks the few resources worth walking.
resource_secrets contains [r, path] if {
	some r in scanned
	regex.match(`(?i)(passw(or)?d|passphrase|pwd|secret|key|string|token)"\s*:\s*"`, json.marshal(r.values))
	some [path, reason] in hardcoded(r.values)
	reason == "a plain-text secret"
	not owned_elsewhere(r.type, path)
	not tag_path(path)
}

resource_access_keys contains [r, path] if {
	some r in scanned
	regex.match(`(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`, json.marshal(r.values))
	some [path, reason] in hardcoded(r.values)
	reason == "an AWS access key id"
	not owned_elsewhere(r.type, path)
}

scanned contains r if {
	some r in input.resources
	r.mode != "data"
	is_object(r.values)
	not lib.is_unknown(r.values)
}

owned_elsewhere("aws_lambda_function", path) if startswith(path, "environment.")

owned_elsewhere("AWS::Lambda::Function", path) if startswith(path, "Environment.")

tag_path(path) if regex.match(`^(tags|tags_all|labels|Tags)\.`, path)
