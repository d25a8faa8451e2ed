# METADATA
# title: CodeBuild project stores build artifacts unencrypted
# description: >-
#   With `encryption_disabled` the project writes its build output to S3 without
#   encryption: binaries, packaged configuration and anything the build bundled sit in
#   the bucket in clear text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectArtifacts.html
# custom:
#   id: IAC-AWS-CODEBUILD-003
#   severity: medium
#   remediation: >-
#     Remove `encryption_disabled = true` from `artifacts` and `secondary_artifacts` of the
#     `aws_codebuild_project` (CloudFormation `Artifacts.EncryptionDisabled` and
#     `SecondaryArtifacts[].EncryptionDisabled`), and set `encryption_key` to a KMS key.
#   forms:
#     - 'Terraform `artifacts` and each `secondary_artifacts` block; CloudFormation `Artifacts` and `SecondaryArtifacts[]`'
#     - '`encryption_disabled` / `EncryptionDisabled` as a boolean or the string "true"'
#   not_flagged:
#     - 'Artifacts of type NO_ARTIFACTS, where there is nothing to encrypt'
#     - 'The default (absent: encrypted with the AWS managed key) and values that cannot be resolved'
package iac_guard.aws.codebuild.artifact_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	some [at, a] in tf_artifacts(r.values)
	unencrypted(a, "encryption_disabled", "type")
	result := lib.finding(r, sprintf("CodeBuild project %s stores artifacts unencrypted", [r.address]), sprintf("%s.encryption_disabled", [at]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	some [at, a] in cfn_artifacts(r.values)
	unencrypted(a, "EncryptionDisabled", "Type")
	result := lib.finding(r, sprintf("CodeBuild project %s stores artifacts unencrypted", [r.address]), sprintf("%s.EncryptionDisabled", [at]))
}

tf_artifacts(values) := [[sprintf("%s.%d", [key, i]), a] |
	some key in ["artifacts", "secondary_artifacts"]
	some i, a in lib.items(values[key])
]

cfn_artifacts(values) := array.concat(
	[["Artifacts", values.Artifacts] | is_object(values.Artifacts)],
	[[sprintf("SecondaryArtifacts.%d", [i]), a] | some i, a in lib.items(values.SecondaryArtifacts)],
)

unencrypted(a, flag, type) if {
	is_object(a)
	lib.is_true(a[flag])
	not lib.lowercase(a[type]) == "no_artifacts"
}
