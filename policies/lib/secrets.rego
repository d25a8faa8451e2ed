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

# Secrets recognised by their value, whatever the name they are kept under: a private
# key (PEM or OpenSSH header) or a token in a vendor's documented format. One string may
# match several; the first reason wins in messages.
value_secret(value) if private_key(value)

value_secret(value) if vendor_token(value)

private_key(value) if {
	is_string(value)
	contains(value, "PRIVATE KEY")
	regex.match(`-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----`, value)
}

# GitHub (ghp_/gho_/ghu_/ghs_/ghr_, github_pat_), GitLab (glpat-), Slack (xoxb-/xoxp-/
# xoxa-/xoxr-/xoxs-), Stripe live secret and restricted keys, Google API keys, SendGrid,
# Twilio API key secrets' SIDs are not secret and are left out.
vendor_token(value) if {
	is_string(value)
	regex.match(`(^|[^A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,}|glpat-[A-Za-z0-9_-]{20}|xox[abprs]-[A-Za-z0-9-]{10,}|(sk|rk)_live_[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{35}|SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})([^A-Za-z0-9_-]|$)`, value)
}

# A secret written into a script or configuration text (user data, a cloud-init file):
# an assignment of a literal to a secret-looking name (`export DB_PASSWORD=hunter2`,
# `api_key: "..."`) or a command-line flag (`--password hunter2`). Values that are
# expansions (`$VAR`, `${...}`, `$(...)`), paths, ARNs, placeholders, or shorter than 6
# characters are not counted, nor names that only point at a secret (`password_file`).
script_secret(value) if {
	is_string(value)
	regex.match(`(?i)(passw|passphrase|secret|api_?key|token|private_?key)`, value)
	some line in split(value, "\n")
	script_line_secret(line)
}

script_assignment := `(?i)(?:^|[\s;'"{,(])(?:export\s+)?([A-Za-z0-9_.-]*(?:passw(?:or)?d|passphrase|secret|api_?key|auth_?token|access_?token|private_?key))["']?\s*[=:]\s*["']?([^\s"'$\x60{<>|;&]{6,})`

script_flag := `(?i)(?:^|\s)--?([A-Za-z-]*(?:password|passwd|passphrase|secret|token|api-key))(?:=|\s+)["']?([^\s"'$\x60{<>|;&-][^\s"'$\x60{<>|;&]{5,})`

script_line_secret(line) if {
	some pattern in [script_assignment, script_flag]
	some match in regex.find_all_string_submatch_n(pattern, line, -1)
	not pointer_name(match[1])
	not placeholder(match[2])
}

# Names that point at a secret rather than hold one (`secret_arn`, `password_file`).
pointer_name(name) if regex.match(`(?i)(arn|id|name|file|path|length|policy|ref)$`, name)

placeholder(word) if regex.match(`(?i)^(null|none|true|false|changeme|required|string|example|xxx+|\*+|<.*>)$`, word)

placeholder(word) if startswith(word, "arn:")

placeholder(word) if startswith(word, "/")

# A random-looking token: 24 to 200 characters of the base64 / base62 alphabet, mixing
# upper case, lower case and digits (at least two of each), and no run of six lower case
# letters or more (words, identifiers). Only read where a secret under any name is
# likely (Lambda and container environment variables): elsewhere ids and hashes match.
high_entropy(value) if {
	is_string(value)
	count(value) >= 24
	count(value) <= 200
	regex.match(`^[A-Za-z0-9+/=_-]+$`, value)
	count(regex.find_n(`[A-Z]`, value, -1)) >= 2
	count(regex.find_n(`[a-z]`, value, -1)) >= 2
	count(regex.find_n(`[0-9]`, value, -1)) >= 2
	not regex.match(`[a-z]{6}`, value)
	not regex.match(`[A-Z]{6}`, value)
}

# Why an environment variable's value is a secret, whatever its name.
env_value_secret(value) if value_secret(value)

env_value_secret(value) if aws_access_key(value)

env_value_secret(value) if high_entropy(value)

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
	some [r, text] in candidates
	regex.match(`(?i)(passw(or)?d|passphrase|pwd|secret|key|string|token)"\s*:\s*"`, text)
	some [path, reason] in hardcoded(r.values)
	reason == "a plain-text secret"
	not owned_elsewhere(r.type, path)
	not tag_path(path)
}

resource_access_keys contains [r, path] if {
	some [r, text] in texts
	regex.match(`(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`, text)
	some [path, reason] in hardcoded(r.values)
	reason == "an AWS access key id"
	not owned_elsewhere(r.type, path)
}

# Secrets found by their value under any name: private keys and vendor tokens in any
# attribute, secret assignments in user data scripts (`user_data`, CloudFormation
# `UserData`, written plainly or inside `Fn::Base64` / `Fn::Sub`), and secret-named
# entries of Name/Value environment lists (CloudFormation `Environment`,
# `EnvironmentVariables`). Lambda environment variables are left out as above
# (IAC-AWS-LAMBDA-001 reads them by value too).
resource_secrets contains [r, path] if {
	some [r, text] in candidates
	regex.match(value_hint, text)
	walk(r.values, [keys, value])
	count(keys) > 0
	value_secret(value)
	path := concat(".", [sprintf("%v", [k]) | some k in keys])
	not owned_elsewhere(r.type, path)
}

resource_secrets contains [r, path] if {
	some r in scanned
	some [prefix, script] in scripts(r.values)
	walk(script, [keys, value])
	script_secret(script_text(value))
	path := concat(".", array.concat(prefix, [sprintf("%v", [k]) | some k in keys]))
}

resource_secrets contains [r, path] if {
	lib.is_cloudformation
	some [r, text] in candidates
	regex.match(`"Name"\s*:`, text)
	walk(r.values, [keys, entry])
	is_object(entry)
	secret_name(entry.Name)
	literal_secret(entry.Value)
	not placeholder(entry.Value)
	not reference_entry(entry)
	path := concat(".", array.concat([sprintf("%v", [k]) | some k in keys], ["Value"]))
	not owned_elsewhere(r.type, path)
}

# A CodeBuild environment variable whose Value names a Parameter Store parameter or a
# Secrets Manager secret (Type PARAMETER_STORE / SECRETS_MANAGER): a pointer, not the secret.
reference_entry(entry) if lib.lowercase(entry.Type) in {"parameter_store", "secrets_manager"}

# Terraform container definitions are one JSON string (`jsonencode([...])`): their
# `environment` entries {name, value} are read like CloudFormation's Name/Value lists.
resource_secrets contains [r, "container_definitions"] if {
	lib.is_terraform
	some [r, text] in candidates
	contains(text, "container_definitions")
	definitions := r.values.container_definitions
	is_string(definitions)
	json.is_valid(definitions)
	walk(json.unmarshal(definitions), [_, entry])
	is_object(entry)
	secret_name(entry.name)
	literal_secret(entry.value)
	not placeholder(entry.value)
}

# [path, value] of the user data scripts in a resource's values.
scripts(values) := [[path, script] |
	some path in [["user_data"], ["UserData"], ["LaunchTemplateData", "UserData"]]
	script := object.get(values, path, null)
	script != null
]

# The text of a user data string: as written, or decoded when it is base64 (an
# aws_launch_template's `user_data = base64encode(...)`, which iac-guard evaluates).
script_text(value) := base64.decode(value) if {
	is_string(value)
	count(value) >= 8
	regex.match(`^[A-Za-z0-9+/]+={0,2}$`, value)
	base64.is_valid(value)
} else := value

value_hint := `PRIVATE KEY|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|_live_|AIza|SG\.`

# [resource, its values as JSON text] for every scanned resource: one json.marshal per
# resource, shared by the rules here.
texts contains [r, json.marshal(r.values)] if some r in scanned

# The scanned resources whose text could hold a secret by name or by value.
candidates contains [r, text] if {
	some [r, text] in texts
	regex.match(`(?i)(passw(or)?d|passphrase|pwd|secret|key|string|token)"\s*:\s*"|"Name"\s*:|container_definitions|PRIVATE KEY|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|_live_|AIza|SG\.`, text)
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
