# METADATA
# title: CodeBuild source URL contains credentials
# description: >-
#   A repository URL of the form `https://user:password@host/...` (or with a personal
#   access token as the user) puts the credential in the project's configuration, where
#   anyone who can read the project, its state or its template can use it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html
# custom:
#   id: IAC-AWS-CODEBUILD-006
#   severity: critical
#   remediation: >-
#     Put a URL without credentials in `source { location }` / `secondary_sources`
#     (CloudFormation `Source.Location` / `SecondarySources[].Location`) and connect the
#     provider with an `aws_codebuild_source_credential` whose token comes from Secrets
#     Manager, or a CodeConnections connection.
#   frameworks: [AWS-FSBP-CodeBuild.1]
#   forms:
#     - 'Terraform `source` and `secondary_sources` blocks; CloudFormation `Source` and `SecondarySources[]`'
#     - '`user:password@` in the URL, or a known token (`ghp_`, `github_pat_`, `glpat-`, `x-token-auth:`) as the user'
#   not_flagged:
#     - 'A user name alone (`https://alice@bitbucket.org/...`): no secret'
#     - 'Locations that cannot be resolved, and CodeCommit / S3 locations'
package iac_guard.aws.codebuild.source_credentials

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	some key in ["source", "secondary_sources"]
	some i, s in lib.items(r.values[key])
	credentials(s.location)
	result := lib.finding(r, sprintf("CodeBuild project %s has credentials in its source URL", [r.address]), sprintf("%s.%d.location", [key, i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	credentials(r.values.Source.Location)
	result := lib.finding(r, sprintf("CodeBuild project %s has credentials in its source URL", [r.address]), "Source.Location")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	some i, s in lib.items(r.values.SecondarySources)
	credentials(s.Location)
	result := lib.finding(r, sprintf("CodeBuild project %s has credentials in its source URL", [r.address]), sprintf("SecondarySources.%d.Location", [i]))
}

# user:password@ with a non-empty password.
credentials(url) if {
	is_string(url)
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]*:[^/@\s]+@`, url)
}

# A token as the user name.
credentials(url) if {
	is_string(url)
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://(ghp_|gho_|ghs_|github_pat_|glpat-)[^/@\s]+@`, url)
}
